-- A "cold crawl": every request asks for a different page of one listing, so no cache of
-- rendered pages can help. Pages FIRST..LAST (environment) are walked in order, each wrk
-- thread starting at its own place; past LAST a thread starts again at FIRST.
local listing = os.getenv("LISTING") or "/blog/engineering"
local first = tonumber(os.getenv("FIRST") or "2")
local last = tonumber(os.getenv("LAST") or "100")
local threads = 0

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function(args)
  local span = last - first + 1
  page = first + math.floor(span * id / tonumber(os.getenv("THREADS") or "2"))
  if page > last then page = first end
end

request = function()
  local path = listing .. "/page/" .. page
  page = page + 1
  if page > last then page = first end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
