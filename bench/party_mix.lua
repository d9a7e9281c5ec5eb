-- wrk script (bench/http_bench.sh, PARTY_MIX=N): GET /api/parties?q=NAME over N different parties read
-- from the file named by $TP_PARTY_FILE (one URL-encoded name per line), in order, so that most requests
-- miss the party-answer cache during a short run and each one reads the store.
local names = {}
for line in io.lines(os.getenv("TP_PARTY_FILE")) do names[#names + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/parties?q=" .. names[(counter % #names) + 1])
end
