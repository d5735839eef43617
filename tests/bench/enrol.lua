-- wrk script: each request enrols a new person with a valid, unique national ID.
-- Threads take disjoint ranges (seeded from the thread id), so no two requests collide.
local counter = 0
local base = 0
local regions = {"riyadh", "makkah", "madinah", "qassim", "eastern_province", "asir", "tabuk",
                 "hail", "northern_borders", "jazan", "najran", "al_bahah", "al_jawf"}
local run_offset = tonumber(os.getenv("NQS_BENCH_OFFSET") or "0")

function setup(thread)
  thread:set("thread_index", tostring(setup_count or 0))
  setup_count = (setup_count or 0) + 1
end

function init(args)
  base = run_offset + tonumber(thread_index or "0") * 10000000
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
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
  local body = string.format(
    '{"national_id":"%s","name_ar":"محمد عبدالله","name_en":"Mohammed Abdullah",' ..
    '"mobile":"05%08d","email":"p%d@example.sa","region":"%s","city":"City"}',
    id, seq % 100000000, seq, region)
  return wrk.format(nil, "/api/v1/ambassadors", nil, body)
end
