# Sourced by run.sh and instructions.sh: the inputs they measure, built from the lab client logs ($root: the repository).

# The lab logs concatenated until the file $1 reaches $2 bytes. One round goes into a seed file beside it
# ($(dirname $1)/seed.log, left for the caller to delete), then whole seeds: fast, and every copy is the same set of real logs.
make_log() {
  local out="$1" want="$2" size=0
  local seed; seed="$(dirname "$out")/seed.log"
  : > "$out"
  : > "$seed"
  for f in "$root"/tests/fixtures/lab/*/client.log; do cat "$f" >> "$seed"; [[ -z "$(tail -c1 "$f")" ]] || echo >> "$seed"; done
  local seed_size; seed_size=$(stat -c %s "$seed")
  while (( size < want )); do cat "$seed" >> "$out"; size=$((size + seed_size)); done
}

# The longest lab client log: a typical -vvv log.
longest_lab_log() {
  wc -l "$root"/tests/fixtures/lab/*/client.log | grep -v ' total$' | sort -n | tail -1 | awk '{print $2}'
}
