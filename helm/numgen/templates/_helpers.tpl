{{- define "numgen.fullname" -}}{{ printf "%s-numgen" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "numgen.selector" -}}
app.kubernetes.io/name: numgen
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- define "numgen.labels" -}}
{{ include "numgen.selector" . }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
