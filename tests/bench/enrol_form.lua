-- wrk script: each request sends the public enrolment form (a new person with a valid,
-- unique national ID), as a browser would: URL-encoded, with the CSRF cookie and the
-- token of a page the bench loaded first (the token is not single-use), and a fresh
-- idempotency key per submission. Threads take disjoint ranges, as in enrol.lua.
-- A success is a 303 to the confirmation page (wrk counts 3xx as success).
local counter = 0
local base = 0
local regions = {"riyadh", "makkah", "madinah", "qassim", "eastern_province", "asir", "tabuk",
                 "hail", "northern_borders", "jazan", "najran", "al_bahah", "al_jawf"}
local run_offset = tonumber(os.getenv("NQS_BENCH_OFFSET") or "0")
local cookie = os.getenv("NQS_BENCH_COOKIE") or ""
local token = os.getenv("NQS_BENCH_CSRF_TOKEN") or ""
-- "محمد عبدالله" and "Mohammed Abdullah", URL-encoded.
local name_ar = "%D9%85%D8%AD%D9%85%D8%AF+%D8%B9%D8%A8%D8%AF%D8%A7%D9%84%D9%84%D9%87"

function setup(thread)
  thread:set("thread_index", tostring(setup_count or 0))
  setup_count = (setup_count or 0) + 1
end

function init(args)
  base = run_offset + tonumber(thread_index or "0") * 10000000
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = cookie
  wrk.headers["Accept-Encoding"] = "gzip"
end

local function luhn_digit(body)
  for d = 0, 9 do
    local s = body .. d
    local total = 0
    local len = #s
    for i = len, 1, -1 do
      local n = tonumber(s:sub(i, i))
      if (len - i) % 2 == 1 then
        n = n * 2
        if n > 9 then n = n - 9 end
      end
      total = total + n
    end
    if total % 10 == 0 then return s end
  end
end

function request()
  counter = counter + 1
  local seq = base + counter
  local id = luhn_digit(string.format("1%08d", seq % 100000000))
  local region = regions[(seq % 13) + 1]
  local key = string.format("%08x-0000-4000-8000-%012x", seq % 4294967296, seq)
  local body = string.format(
    "_csrf_token=%s&key=%s&track=general&national_id=%s&name_ar=%s" ..
    "&name_en=Mohammed+Abdullah&mobile=05%08d&email=p%d%%40example.sa&region=%s&city=City" ..
    "&sector=&employer=&qualifications=&evidence=",
    token, key, id, name_ar, seq % 100000000, seq, region)
  return wrk.format(nil, "/ambassadors/enrol", nil, body)
end
