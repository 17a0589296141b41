-- The search flood of issue 13: searches of one common word and 100 excluded words, each a
-- little different, so nothing can be answered from a cache. DELAY_MS (default 0) between
-- requests of one connection. Prints the same COUNTS line as wrk-mix.lua, and how many
-- searches were turned away (429).
local threads = {}
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local words = { "gateway", "kubernetes", "plugin", "latency", "api", "service", "mesh", "rate", "limiting", "grpc" }

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function(args)
  math.randomseed(os.time() + id * 7919)
  counts = { ["2"] = 0, ["3"] = 0, ["4"] = 0, ["5"] = 0, busy = 0 }
  n = 0
end

request = function()
  n = n + 1
  local query = words[n % #words + 1]
  for i = 1, 100 do
    query = query .. "+-w" .. tostring((n * 101 + i) % 997) .. "x" .. tostring(id)
  end
  return wrk.format("GET", "/search?q=" .. query)
end

delay = function()
  return delay_ms
end

response = function(status, headers, body)
  local class = tostring(math.floor(status / 100))
  counts[class] = (counts[class] or 0) + 1
  if status == 429 then counts.busy = counts.busy + 1 end
end

done = function(summary, latency, requests)
  local c = { ["2"] = 0, ["3"] = 0, ["4"] = 0, ["5"] = 0, busy = 0 }
  for _, thread in ipairs(threads) do
    local counted = thread:get("counts")
    for k, _ in pairs(c) do c[k] = c[k] + (counted[k] or 0) end
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("COUNTS requests=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d socket-errors=%d p50=%.1fms p99=%.1fms busy=%d\n",
      summary.requests, c["2"], c["3"], c["4"], c["5"], errors,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, c.busy))
end
