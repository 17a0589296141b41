-- The search load of bench/run.sh and bench/memory.sh: readers searching, each request a
-- different query of the generated corpus's vocabulary (one word, two words, a quoted phrase,
-- an exclusion, an OR), pages 1 and 2, so most are not answered from a cache. Prints the same
-- RESULT line as wrk-report.lua (the "page-cache hits" column stays empty).
local threads = {}
local words = { "gateway", "kubernetes", "latency", "cache", "postgres", "planner", "tracing", "retries",
  "canary", "rollout", "incident", "autoscaling", "kafka", "backpressure", "schema", "compiler",
  "profiling", "benchmark", "regression", "proxy", "websocket", "grpc", "graphql", "pagination",
  "ranking", "embeddings", "inference", "gpu", "observability", "authentication" }

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function(args)
  n = id * 7919
end

request = function()
  n = n + 1
  local a = words[n % #words + 1]
  local b = words[(n * 7 + 3) % #words + 1]
  local shapes = { a, a .. "+" .. b, "%22" .. a .. "+" .. b .. "%22", a .. "+-" .. b, a .. "+OR+" .. b }
  local q = shapes[n % #shapes + 1]
  local page = (math.floor(n / #shapes) % 2 == 0) and "" or "&page=2"
  return wrk.format("GET", "/search?q=" .. q .. page)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n",
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
