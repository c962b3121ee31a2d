-- wrk script: each request asks for a path drawn at random from a file of paths, as
-- readers spread over an archive do.
-- Usage: wrk -s bench/spread_paths.lua http://127.0.0.1:PORT -- /path/to/paths.txt

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
