-- wrk script: every request carries an Idempotency-Key no other request of this run uses
-- (run id, wrk thread, counter), so each one issues new numbers.
local run = tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
end

local counter = 0

function request()
    counter = counter + 1
    return wrk.format(nil, nil, { ["Idempotency-Key"] = "bench-" .. run .. "-" .. thread_id .. "-" .. counter })
end
