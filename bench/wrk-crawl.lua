-- A "cold crawl": every request asks for a different page of one listing, so no cache of
-- rendered pages can help. Pages FIRST..LAST (environment) are walked in order, each wrk
-- thread starting at its own place; past LAST a thread starts again at FIRST.
--
-- STRIDE and PHASE split the pages between runs: a run visits only the pages whose number
-- is PHASE modulo STRIDE (with STRIDE=3 and PHASE=1: 4, 7, 10, …), so runs with different
-- phases never ask for a page another run has rendered (run.sh gives the warm-up, the whole-listing crawl
-- and the tenths a phase each). Responses that say "X-Page-Cache: hit" are counted and
-- reported: a cold crawl should have none.
local listing = os.getenv("LISTING") or "/blog/engineering"
local first = tonumber(os.getenv("FIRST") or "2")
local last = tonumber(os.getenv("LAST") or "100")
local stride = tonumber(os.getenv("STRIDE") or "1")
local phase = tonumber(os.getenv("PHASE") or "0")
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

init = function(args)
  start = first + (phase - first) % stride
  steps = math.floor((last - start) / stride) + 1
  step = math.floor(steps * id / tonumber(os.getenv("THREADS") or "2"))
  hits = 0
end

request = function()
  local path = listing .. "/page/" .. (start + step * stride)
  step = step + 1
  if step >= steps then step = 0 end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  local cached = 0
  for _, thread in ipairs(threads) do cached = cached + thread:get("hits") end
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d %d\n",
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests, cached))
end
