-- wrk script: each request enrols a new person with a valid, unique national ID.
-- Threads take disjoint ranges (seeded from the thread id), so no two requests collide.
--
-- By default as JSON (POST /api/v1/ambassadors). With NQS_BENCH_CSRF_TOKEN set, through the
-- public form (POST /ambassadors/enrol) as a browser sends it: URL-encoded, with the CSRF
-- cookie (NQS_BENCH_COOKIE) and the token of a page loaded first (a token is not
-- single-use), and a fresh idempotency key per submission; a success is the 303 to the
-- confirmation page (wrk counts 3xx as success).
local counter = 0
local base = 0
local regions = {"riyadh", "makkah", "madinah", "qassim", "eastern_province", "asir", "tabuk",
                 "hail", "northern_borders", "jazan", "najran", "al_bahah", "al_jawf"}
local run_offset = tonumber(os.getenv("NQS_BENCH_OFFSET") or "0")
local token = os.getenv("NQS_BENCH_CSRF_TOKEN")
-- "محمد عبدالله", URL-encoded.
local name_ar_form = "%D9%85%D8%AD%D9%85%D8%AF+%D8%B9%D8%A8%D8%AF%D8%A7%D9%84%D9%84%D9%87"

function setup(thread)
  thread:set("thread_index", tostring(setup_count or 0))
  setup_count = (setup_count or 0) + 1
end

function init(args)
  base = run_offset + tonumber(thread_index or "0") * 10000000
  wrk.method = "POST"
  if token then
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Cookie"] = os.getenv("NQS_BENCH_COOKIE") or ""
    wrk.headers["Accept-Encoding"] = "gzip"
  else
    wrk.headers["Content-Type"] = "application/json"
  end
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
  if token then
    local key = string.format("%08x-0000-4000-8000-%012x", seq % 4294967296, seq)
    local body = string.format(
      "_csrf_token=%s&key=%s&track=general&national_id=%s&name_ar=%s" ..
      "&name_en=Mohammed+Abdullah&mobile=05%08d&email=p%d%%40example.sa&region=%s&city=City" ..
      "&sector=&employer=&qualifications=&evidence=",
      token, key, id, name_ar_form, seq % 100000000, seq, region)
    return wrk.format(nil, "/ambassadors/enrol", nil, body)
  end
  local body = string.format(
    '{"national_id":"%s","name_ar":"محمد عبدالله","name_en":"Mohammed Abdullah",' ..
    '"mobile":"05%08d","email":"p%d@example.sa","region":"%s","city":"City"}',
    id, seq % 100000000, seq, region)
  return wrk.format(nil, "/api/v1/ambassadors", nil, body)
end
