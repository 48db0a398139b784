-- wrk script: every request carries an Idempotency-Key no other request of this run uses
-- (run id, wrk thread, counter), so each one issues new numbers. The headers given with -H
-- (the token) are kept: wrk.format replaces them with those it is given.
local run = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
end

local counter = 0

function request()
    counter = counter + 1
    local headers = {}
    for name, value in pairs(wrk.headers) do
        headers[name] = value
    end
    headers["Idempotency-Key"] = "bench-" .. run .. "-" .. thread_id .. "-" .. counter
    return wrk.format(nil, nil, headers)
end
