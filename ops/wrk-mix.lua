-- Requests the URLs listed in the file $URLS, each wrk thread in its own shuffled order, and
-- counts answers by status class. Prints one line per thread total at the end:
-- COUNTS requests=<n> 2xx=<n> 3xx=<n> 4xx=<n> 5xx=<n> socket-errors=<n>
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function(args)
  math.randomseed(os.time() + id * 7919)
  counts = { ["2"] = 0, ["3"] = 0, ["4"] = 0, ["5"] = 0 }
  i = math.random(#paths)
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

response = function(status, headers, body)
  local class = tostring(math.floor(status / 100))
  counts[class] = (counts[class] or 0) + 1
end

done = function(summary, latency, requests)
  local c = { ["2"] = 0, ["3"] = 0, ["4"] = 0, ["5"] = 0 }
  for _, thread in ipairs(threads) do
    local counted = thread:get("counts")
    for k, _ in pairs(c) do c[k] = c[k] + (counted[k] or 0) end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("COUNTS requests=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d socket-errors=%d p50=%.1fms p99=%.1fms\n",
      summary.requests, c["2"], c["3"], c["4"], c["5"], errors,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
