-- The long-URL flood of issue 13: every request a new path, 2,100 to 7,000 characters (over
-- Blogroll's 2,048 limit, under Tomcat's 8 KB request line: answered 414) or 60,000 (over the
-- request line limit: Tomcat's 400), or a new long query string. DELAY_MS (default 10) between
-- requests of one connection. Prints the same COUNTS line as wrk-mix.lua.
local threads = {}
local delay_ms = tonumber(os.getenv("DELAY_MS") or "10")

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function(args)
  math.randomseed(os.time() + id * 7919)
  counts = { ["2"] = 0, ["3"] = 0, ["4"] = 0, ["5"] = 0 }
  n = 0
end

request = function()
  n = n + 1
  local length = ({ 2100, 3000, 7000, 60000 })[n % 4 + 1]
  local token = string.format("%d-%d-", id, n)
  local filler = string.rep(string.char(97 + n % 26), length - #token)
  if n % 3 == 0 then
    return wrk.format("GET", "/search?q=" .. token .. filler)
  end
  return wrk.format("GET", "/blog/" .. token .. filler)
end

delay = function()
  return delay_ms
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
