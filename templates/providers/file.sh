#!/bin/sh
# clearance example provider: writes and deletes files under $FILE_PROVIDER_ROOT.
#
#   actions:    file.write {path, content}   file.delete {path}
#   operations: plan | apply | verify | rollback   (the last argument)
#
# Reads the JSON request on stdin and answers one JSON object on stdout. POSIX sh and sed
# only, so it runs on any machine clearance runs on. Paths are confined to the root.
set -eu
op=${1:?operation}
root=${FILE_PROVIDER_ROOT:?set FILE_PROVIDER_ROOT in the env of the provider}
request=$(cat)

# The first `"name":"value"` in the request (the intent's own fields come before its
# rollback and verify, whose keys sort later).
field() { printf '%s' "$request" | grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed 's/^"[^"]*":"\(.*\)"$/\1/'; }
answer() { printf '{"status":"%s","summary":"%s","changes":[%s],"outputs":{}}\n' "$1" "$2" "${3:-}"; exit 0; }

action=$(field action)
path=$(field path)
content=$(field content)
key=$(field idempotency_key | sed 's/[^a-f0-9]//g')
case "$path" in
  ""|/*|*..*) answer error "refusing path '$path': give a relative path inside the root" ;;
esac
case "$path" in *[!A-Za-z0-9._/-]*) answer error "refusing path with unusual characters" ;; esac
target="$root/$path"
marker="$root/.clearance-done-$key"

case "$action:$op" in
  file.write:plan)
    if [ -e "$target" ]; then answer ok "would overwrite $path" "{\"update\":\"$path\"}"; fi
    answer ok "would create $path" "{\"create\":\"$path\"}" ;;
  file.delete:plan)
    [ -e "$target" ] || answer error "$path does not exist"
    answer ok "would delete $path" "{\"delete\":\"$path\"}" ;;
  file.write:apply)
    [ -e "$marker" ] && answer ok "already applied (idempotency key seen)"
    mkdir -p "$(dirname "$target")"
    printf '%s\n' "$content" > "$target"
    : > "$marker"
    answer ok "wrote $path" "{\"create\":\"$path\"}" ;;
  file.delete:apply)
    [ -e "$marker" ] && answer ok "already applied (idempotency key seen)"
    [ -e "$target" ] || answer error "$path does not exist"
    rm -f "$target"
    : > "$marker"
    answer ok "deleted $path" "{\"delete\":\"$path\"}" ;;
  file.write:verify|file.check:verify)
    [ -e "$target" ] || answer error "$path is missing"
    answer ok "$path is present" ;;
  file.delete:verify)
    [ -e "$target" ] && answer error "$path still exists"
    answer ok "$path is gone" ;;
  *:rollback)
    rm -f "$target"
    answer ok "removed $path" "{\"delete\":\"$path\"}" ;;
  *) answer error "unsupported: $action $op" ;;
esac
