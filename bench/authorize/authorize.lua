-- wrk script: POST /internal/v1/authorizations with a unique transactionReference per request.
-- Configured through the environment (wrk gives script arguments to threads only, too late to choose whether
-- delay() exists):
--   BENCH_TOKEN    service JWT (Authorization: Bearer)
--   BENCH_PREFIX   run prefix of the references (letters/digits); references are <prefix>T<thread>N<counter>
--   BENCH_EXPIRY   card expiry yyyyMM (in the future)
--   BENCH_RATE     requests per second for the whole run; unset or 0 = as fast as the connections go
--   BENCH_THREADS  wrk's -t, to split BENCH_RATE between threads
--   BENCH_SAME_CARD  1 = every request pays with 5100000000000000; otherwise each request has its own card number
-- done() prints one line "WRKSTATS key=value ..." that bench/lib.sh reads.

local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
local prefix = os.getenv("BENCH_PREFIX") or "B"
local expiry = os.getenv("BENCH_EXPIRY") or "203012"
local merchant = os.getenv("BENCH_MERCHANT") or "002001000000001"
local rate = tonumber(os.getenv("BENCH_RATE") or "0") or 0
local threads_count = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local same_card = os.getenv("BENCH_SAME_CARD") == "1"

local headers = {
   ["Content-Type"] = "application/json",
   ["Accept"] = "application/json",
   ["Authorization"] = "Bearer " .. token,
}
-- The body around the reference and the card number is fixed: build it once.
-- Card numbers: Sips test prefix 510000 (MASTERCARD), digits 7-8 "01" (not enrolled in 3-D Secure), six digits from
-- the thread and the request counter, last two "00" (approved). Distinct cards, as from distinct shoppers: one card
-- for every request would make each authorization update the same card vault row (BENCH_SAME_CARD shows that cost).
local body_head = '{"merchantId":"' .. merchant .. '","transactionReference":"'
local body_card = '","amount":1250,"currencyCode":"978","captureMode":"AUTHOR_CAPTURE","captureDay":0,'
   .. '"orderChannel":"INTERNET","card":{"number":"'
local body_tail = '","expiryDate":"' .. expiry
   .. '","cscValue":"123"},"orderId":"ORDER-BENCH","customerId":"customer-42","customerIpAddress":"127.0.0.1",'
   .. '"customerLanguage":"fr","paymentPattern":"ONE_SHOT"}'
local path = "/internal/v1/authorizations"

-- main state: number the threads and keep them for done()
local threads = {}
local next_thread = 1
function setup(thread)
   thread:set("tid", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

-- thread state
counter = 0
approved = 0        -- 200 with responseCode 00
other_code = 0      -- 200 with any other responseCode (a reused reference answers 94)
late = 0            -- paced mode: requests that left more than 1 ms after their slot
max_late_ms = 0

function request()
   counter = counter + 1
   local card = same_card and "5100000000000000"
      or string.format("51000001%d%05d00", tid % 10, counter % 100000)
   return wrk.format("POST", path, headers,
      body_head .. prefix .. "T" .. tid .. "N" .. counter .. body_card .. card .. body_tail)
end

function response(status, _, body)
   if status == 200 then
      if body:find('"responseCode":"00"', 1, true) then
         approved = approved + 1
      else
         other_code = other_code + 1
      end
   end
end

if rate > 0 then
   -- Pacing: each thread hands out send slots every `interval` ms (its share of the rate) to whichever of its
   -- connections asks next; a slot already past is used at once (the run catches up), and counted as late.
   -- wrk starts a request's latency clock when it is sent, not at its slot: a late send hides the wait
   -- (coordinated omission), which is why late sends are reported.
   local ffi = require("ffi")
   ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
      int clock_gettime(int clock_id, bench_timespec *tp);
   ]]
   local now_ts = ffi.new("bench_timespec")
   local function now_ms()
      ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
      return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
   end
   local interval = 1000 * threads_count / rate
   local next_slot = nil

   function delay()
      local now = now_ms()
      if next_slot == nil then next_slot = now end
      next_slot = next_slot + interval
      local wait = next_slot - now
      if wait < -1 then
         late = late + 1
         if -wait > max_late_ms then max_late_ms = -wait end
      end
      if wait <= 0 then return 0 end
      return math.floor(wait)
   end
end

function done(summary, latency, _)
   local sent, ok, other, late_total, late_max = 0, 0, 0, 0, 0
   for _, thread in ipairs(threads) do
      sent = sent + thread:get("counter")
      ok = ok + thread:get("approved")
      other = other + thread:get("other_code")
      late_total = late_total + thread:get("late")
      late_max = math.max(late_max, thread:get("max_late_ms"))
   end
   local e = summary.errors
   io.write(string.format(
      "WRKSTATS requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%.0f "
         .. "non2xx=%d socket_errors=%d timeouts=%d approved=%d other_code=%d sent=%d late=%d max_late_ms=%.1f\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency:percentile(99.9), latency.max, latency.mean, e.status, e.connect + e.read + e.write, e.timeout,
      ok, other, sent, late_total, late_max))
end
