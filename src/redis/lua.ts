import type { BucketLevel } from "../fraud/velocity-store";

/**
 * The Lua scripts of the Redis velocity store, generated from validated integer levels (no input
 * value is ever spliced into a script). Each logical key is one Redis hash holding, per level `l`
 * (1-based), a ring of counters in fields `l:slot` (slot = bucket mod buckets) and the ring's head
 * bucket in field `hl`: the memory store's layout (`createMemoryVelocityStore`), so the same events
 * give the same counts. Both scripts take several keys of one hash slot (see `redisKey`).
 */

function levelTables(levels: readonly BucketLevel[]): string {
  const bms = levels.map((l) => l.bucketMs).join(", ");
  const nb = levels.map((l) => l.buckets).join(", ");
  const heads = levels.map((_, i) => `"h${i + 1}"`).join(", ");
  return `local L = ${levels.length}
local bms = {${bms}}
local nb = {${nb}}
local hf = {${heads}}
`;
}

/**
 * The record script. KEYS: hashes of one slot. ARGV: event count, then per event
 * (key index, at, count). Per level, like the memory store's `record`: a bucket ahead of the head
 * clears the slots it passes (the whole ring when it jumps a ring or more), a bucket older than the
 * ring is not counted at that level, a counter saturates at `max`. Every written key gets PEXPIRE ttl.
 * @param levels validated levels
 * @param max the saturation count
 * @param ttlMs the key's time to live after its last write
 * @returns the script text
 */
export function recordScript(levels: readonly BucketLevel[], max: number, ttlMs: number): string {
  return `${levelTables(levels)}local ne = tonumber(ARGV[1])
for e = 1, ne do
  local k = KEYS[tonumber(ARGV[3 * e - 1])]
  local at = tonumber(ARGV[3 * e])
  local c = tonumber(ARGV[3 * e + 1])
  local heads = redis.call("HMGET", k, unpack(hf))
  for l = 1, L do
    local B = nb[l]
    local b = math.floor(at / bms[l])
    local head = tonumber(heads[l])
    local keep = true
    if head == nil or b >= head + B then
      if head ~= nil then
        local f = {}
        for i = 0, B - 1 do
          f[#f + 1] = l .. ":" .. i
          if #f == 1000 then redis.call("HDEL", k, unpack(f)); f = {} end
        end
        if #f > 0 then redis.call("HDEL", k, unpack(f)) end
      end
      redis.call("HSET", k, hf[l], b)
    elseif b > head then
      local f = {}
      for x = head + 1, b do
        f[#f + 1] = l .. ":" .. (x % B)
        if #f == 1000 or x == b then redis.call("HDEL", k, unpack(f)); f = {} end
      end
      redis.call("HSET", k, hf[l], b)
    elseif b <= head - B then
      keep = false
    end
    if keep then
      local field = l .. ":" .. (b % B)
      if redis.call("HINCRBY", k, field, c) > ${max} then redis.call("HSET", k, field, ${max}) end
    end
  end
  redis.call("PEXPIRE", k, ${ttlMs})
end
return ne
`;
}

/**
 * The count script. KEYS: hashes of one slot. ARGV: query count, then per query
 * (key index, windowMs, asOf). Per query, like the memory store's `count`: the finest level whose
 * span `(buckets - 1) * bucketMs` covers the window, a coarser one when the ring has moved past the
 * window start, then the sum of the buckets overlapping `(asOf - windowMs, asOf]` that the ring
 * holds (0 for a key that does not exist). Each key is read once (HGETALL: at most the rings'
 * fields and heads) and summed in Lua, fewer calls than one HMGET per window. Returns the counts in query order.
 * @param levels validated levels
 * @returns the script text
 */
export function countScript(levels: readonly BucketLevel[]): string {
  return `${levelTables(levels)}local nq = tonumber(ARGV[1])
local out = {}
local cache = {}
for q = 1, nq do
  local ki = tonumber(ARGV[3 * q - 1])
  local w = tonumber(ARGV[3 * q])
  local asOf = tonumber(ARGV[3 * q + 1])
  local h = cache[ki]
  if h == nil then
    -- one HGETALL per key (at most the rings' fields), then every window of it is summed in Lua
    h = {}
    local flat = redis.call("HGETALL", KEYS[ki])
    for i = 1, #flat, 2 do h[flat[i]] = tonumber(flat[i + 1]) end
    cache[ki] = h
  end
  local sum = 0
  if h[hf[1]] ~= nil then
    local l = 1
    while l <= L and (nb[l] - 1) * bms[l] < w do l = l + 1 end
    while l < L and math.floor((asOf - w + 1) / bms[l]) < h[hf[l]] - nb[l] + 1 do l = l + 1 end
    local B = nb[l]
    local head = h[hf[l]]
    local first = math.max(math.floor((asOf - w + 1) / bms[l]), head - B + 1, 0)
    local last = math.min(math.floor(asOf / bms[l]), head)
    for x = first, last do sum = sum + (h[l .. ":" .. (x % B)] or 0) end
  end
  out[q] = sum
end
return out
`;
}
