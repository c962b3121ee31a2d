-- wrk script: a cache flood. Every request carries a query string never sent before:
-- one in ten a new search (a page the cache must render and may keep), the rest a
-- reader page with made-up tracking and unknown parameters (the same page to the cache).
-- Usage: wrk -s bench/flood_queries.lua http://127.0.0.1:PORT -- /article/path/

function init(args)
  article = args[1]
  counter = 0
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  prefix = tostring(math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local token = prefix .. "x" .. counter
  if counter % 10 == 0 then
    return wrk.format("GET", "/cari/?q=kata" .. token .. "&utm_source=" .. token)
  end
  return wrk.format("GET", article .. "?utm_source=" .. token .. "&fbclid=" .. token ..
    "&x" .. token .. "=" .. token)
end
