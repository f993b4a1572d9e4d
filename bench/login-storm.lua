-- A login storm for wrk: the same wrong password, again and again, on one login form's session.
-- A rejected login keeps the form's session, so every request costs a full password check:
-- logins at exactly the rate the hashing allows. STORM_COOKIE and STORM_CSRF come from the
-- form that bench/run.sh opened with curl.
wrk.method = "POST"
wrk.path = "/login"
wrk.body = "username=admin&password=not+the+admin+password&csrf=" .. os.getenv("STORM_CSRF")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("STORM_COOKIE")
wrk.headers["Origin"] = os.getenv("STORM_ORIGIN")
