-- wrk script for the view beacon: every request is a new reader (a distinct first-party id),
-- sent like the page's script sends it (same-origin POST, a browser's User-Agent).
-- Usage: wrk -s bench/engagement_views.lua http://127.0.0.1:PORT -- /api/engagement/v1/articles/ID/views
-- The result line "ENGAGEMENT {json}" carries the 202 (accepted) count for the zero-loss check.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  path = args[1]
  sent, accepted, refused = 0, 0, 0
  agent = "Mozilla/5.0 (Linux; Android 13; SM-A546E) AppleWebKit/537.36 " ..
    "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
end

function request()
  sent = sent + 1
  local reader = string.format("%08x%024d", thread_id, sent)
  return wrk.format("POST", path, {
    ["Cookie"] = "warta_reader=" .. reader,
    ["User-Agent"] = agent,
    ["Sec-Fetch-Site"] = "same-origin",
    ["Content-Length"] = "0",
  })
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local total_accepted, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_accepted = total_accepted + thread:get("accepted")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format(
    'ENGAGEMENT {"requests": %d, "accepted": %d, "not_accepted": %d, "socket_errors": %d, ' ..
    '"seconds": %.3f, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, total_accepted, total_refused,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
