-- wrk script of the load benchmark's fallback (bench/run.sh when oha cannot be built):
-- every request takes a random line of the URL list given after `--`, and the end writes a
-- JSON summary (the fields bench/load/summarise.py reads) to the file named by WRK_JSON.
-- wrk has no fixed offered rate: the results file says so.

local paths = {}
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local path = line:gsub("^https?://[^/]+", "")
    if #path > 0 then
      paths[#paths + 1] = path
    end
  end
  math.randomseed(os.time() * 100 + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  local seconds = summary.duration / 1e6
  local out = assert(io.open(os.getenv("WRK_JSON"), "w"))
  out:write(string.format(
    '{"tool": "wrk", "requests": %d, "duration_s": %.3f, "requests_per_sec": %.2f, '
      .. '"errors": %d, "non_2xx": %d, "latency_ms": {"p50": %.3f, "p95": %.3f, '
      .. '"p99": %.3f, "max": %.3f}}\n',
    summary.requests, seconds, summary.requests / seconds, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  out:close()
end
