#!/usr/bin/env python3
# Draws docs/images/architecture.svg (the picture in docs/architecture.md): the three modules, their packages and
# the path of GET /api/numbers. Edit and rerun after moving packages: python3 docs/images/architecture.py
import os
W,H=1300,640
out=[]
def rect(x,y,w,h,fill,stroke,rx=8,sw=1.5):
    out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>')
def text(x,y,s,size=13,weight='normal',anchor='start',fill='#1f2328',family='sans-serif'):
    s=s.replace('&','&amp;').replace('<','&lt;').replace('>','&gt;')
    out.append(f'<text x="{x}" y="{y}" font-family="{family}" font-size="{size}" font-weight="{weight}" text-anchor="{anchor}" fill="{fill}">{s}</text>')
def pkg(x,y,w,name,desc,fill):
    rect(x,y,w,46,fill,'#57606a',6,1)
    text(x+8,y+18,name,12.5,'bold',family='monospace')
    text(x+8,y+36,desc,11)
    return (x,y,w,46)
out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">')
out.append('<defs><marker id="a" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#57606a"/></marker>'
           '<marker id="r" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#cf222e"/></marker></defs>')
rect(0,0,W,H,'#ffffff','#ffffff',0)
text(20,28,'numgen: three modules, their packages, and the path of one request',16,'bold')
# server
rect(20,45,940,205,'#ddf4ff','#0969da')
text(32,66,'numgen-server  (Spring Boot service: HTTP edge, security, features with their wiring)',13.5,'bold',fill='#0969da')
P={}
P['numbers']=pkg(35,78,215,'server.numbers','NumberEndpoint, voids, wiring','#ffffff')
P['rules']=pkg(262,78,200,'server.rules','prefix-config API, wiring','#ffffff')
P['prov']=pkg(474,78,230,'server.provisional','list/resolve, sync schedule','#ffffff')
P['cluster']=pkg(716,78,230,'server.cluster','baseline API, health, metrics','#ffffff')
P['web']=pkg(35,138,300,'server.web','edge: RequestGuard, problems, strict JSON','#ffffff')
P['sec']=pkg(347,138,185,'server.security','bearer tokens, scopes','#ffffff')
P['dev']=pkg(544,138,170,'server.devissuer','local OAuth2 issuer','#ffffff')
P['node']=pkg(726,138,220,'server.node','starts the Ignite node','#ffffff')
P['api']=pkg(35,196,300,'server.api','OpenAPI document from the use cases','#ffffff')
text(350,222,'dev.numgen.server: NumgenApplication (the one entry point)',12,family='sans-serif')
# ignite
rect(20,270,940,150,'#fff8c5','#9a6700')
text(32,291,'numgen-ignite  (the core\'s ports on Apache Ignite 2; no Spring Boot, no HTTP)',13.5,'bold',fill='#9a6700')
P['irule']=pkg(35,303,170,'ignite.rule','IgniteRuleRegistry','#ffffff')
P['iseq']=pkg(217,303,230,'ignite.sequence','block reserver, GAPLESS, leases','#ffffff')
P['iissue']=pkg(459,303,230,'ignite.issue','Idempotency-Key records, voids','#ffffff')
P['iprov']=pkg(701,303,245,'ignite.provisional','cluster registry of provisionals','#ffffff')
P['store']=pkg(35,360,300,'ignite.store','IgniteStore: caches, transactions','#ffffff')
P['icl']=pkg(347,360,300,'ignite.cluster','majority, topology validator, baseline','#ffffff')
P['inode']=pkg(659,360,287,'ignite.node','node XML, thin-client gate','#ffffff')
# core
rect(20,440,940,150,'#dafbe1','#1a7f37')
text(32,461,'numgen-core  (the domain in plain Java: no Spring, no Ignite, no Jackson)',13.5,'bold',fill='#1a7f37')
P['issue']=pkg(35,473,300,'issue','NumberIssuer, IdempotentIssuer, voids','#ffffff')
P['provisional']=pkg(347,473,280,'provisional','journal, sync, records','#ffffff')
P['time']=pkg(639,473,307,'time / problem','TickingClock; problem types, root exception','#ffffff')
P['sequence']=pkg(35,530,300,'sequence','SegmentSequence, BlockReserver port','#ffffff')
P['rule']=pkg(347,530,280,'rule','PrefixRule, RuleRegistry port, validator','#ffffff')
P['format']=pkg(639,530,307,'format','NumberTemplate, TemplateRenderer','#ffffff')
# module arrows
def arrow(x1,y1,x2,y2,color='#57606a',m='a',w=2,dash=''):
    d=f' stroke-dasharray="{dash}"' if dash else ''
    out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" stroke-width="{w}" marker-end="url(#{m})"{d}/>')
arrow(950,250,950,268); arrow(950,420,950,438)
out.append('<path d="M 14 250 C 2 340, 2 380, 18 440" fill="none" stroke="#57606a" stroke-width="2" marker-end="url(#a)"/>')
text(30,612,'Grey arrows: module dependencies, downwards only (the server uses the core directly, too). Step 8 runs in the background,',11.5,fill='#57606a')
text(30,627,'a block at a time, so most requests never wait for Ignite; GAPLESS and SNOWFLAKE rules take their own paths (see the text).',11.5,fill='#57606a')
# the request path: a lane on the right, one box per step, coloured by module
LX,LW=985,300
text(LX,66,'One request: GET /api/numbers',13.5,'bold',fill='#cf222e')
steps=[('server.numbers','NumberEndpoint: the servlet filter','#ddf4ff','#0969da'),
       ('server.security','bearer token, audience, scope','#ddf4ff','#0969da'),
       ('server.web','RequestGuard bounds it; strict params','#ddf4ff','#0969da'),
       ('issue','NumberIssuer: quota, majority','#dafbe1','#1a7f37'),
       ('rule','compiled copy; a miss asks RuleRegistry','#dafbe1','#1a7f37'),
       ('ignite.rule','IgniteRuleRegistry: misses, changes','#fff8c5','#9a6700'),
       ('sequence','SegmentSequence: next buffered value','#dafbe1','#1a7f37'),
       ('ignite.sequence','IgniteBlockReserver, ahead of time','#fff8c5','#9a6700'),
       ('ignite.store','explicit transaction on the counters','#fff8c5','#9a6700'),
       ('format','TemplateRenderer: ORD-20261201-000042','#dafbe1','#1a7f37'),
       ('server.numbers','JSON, Cache-Control: no-store','#ddf4ff','#0969da')]
y=80
for i,(p,d,fill,stroke) in enumerate(steps):
    rect(LX,y,LW,40,fill,stroke,6,1.2)
    out.append(f'<circle cx="{LX+16}" cy="{y+20}" r="10" fill="#cf222e"/>')
    text(LX+16,y+24,str(i+1),11,'bold','middle','#ffffff')
    text(LX+34,y+16,p,12,'bold',family='monospace')
    text(LX+34,y+32,d,11)
    if i<len(steps)-1:
        arrow(LX+LW-18,y+40,LX+LW-18,y+49,'#cf222e','r',2)
    y+=50
out.append('</svg>')
open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'architecture.svg'),'w').write('\n'.join(out)+'\n')
