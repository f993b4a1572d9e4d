-- A login storm for wrk, one connection per wrk thread (run it with -t N -c N): each thread opens the
-- login form (GET /login), then logs in as its own user, storm1, storm2, ..., with the right password
-- (POST /login), again and again. Every login costs a full password check and succeeds, and no account
-- has two attempts at once, so the throttle never steps in: logins at exactly the rate the hashing
-- allows. STORM_PASSWORD and STORM_ORIGIN come from bench/run.sh, which made those users.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("user", "storm" .. threads)
end

local password = os.getenv("STORM_PASSWORD")
local origin = os.getenv("STORM_ORIGIN")
local cookie, csrf = nil, nil

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  if csrf == nil then
    return wrk.format("GET", "/login")
  end
  local body = "username=" .. user .. "&password=" .. encode(password) .. "&csrf=" .. csrf
  local headers = {["Cookie"] = cookie, ["Origin"] = origin, ["Content-Type"] = "application/x-www-form-urlencoded"}
  csrf = nil
  return wrk.format("POST", "/login", headers, body)
end

response = function(status, headers, body)
  if status == 200 then
    for name, value in pairs(headers) do
      if string.lower(name) == "set-cookie" then
        cookie = value:match("^([^;]+)")
      end
    end
    csrf = body:match('name="csrf" value="([^"]+)"')
  end
end
