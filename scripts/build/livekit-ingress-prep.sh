#!/usr/bin/env sh
# Build-time patch of livekit-ingress v1.5.0 (run by go-binary.sh inside a
# writable copy of the module), used by the test build and the production image
# alike (deploy/livekit-ingress.Dockerfile), so both run the same ingress.
#
# The RTMP server hands go-rtmp logrus's standard logger, which ingress's
# `logging.level` does not reach: at its default (info) go-rtmp writes every
# push's stream key ("FCPublish stream...: StreamName = <key>"). Stream keys are
# secrets (a key is a DJ's right to go on air), so that logger is held at warn.
# Ingress's own log lines also carry the key as a field ("WHIP session failed"
# at warn when a browser's WHIP session ends, and several info lines): every
# such field is replaced by a fixed "[redacted]"; the ingress and resource ids
# beside it still identify the session.
# The build fails if the source no longer looks as expected.
set -eu

f=pkg/rtmp/server.go
anchor='l := log.StandardLogger()'
grep -qF "$anchor" "$f" || { echo "livekit-ingress-prep: logger set-up not found in $f" >&2; exit 1; }
perl -0pi -e 's/(\t+)(l := log\.StandardLogger\(\)\n)/$1$2$1\/\/ radio patch: go-rtmp logs stream keys at info; keep its logger at warn.\n$1l.SetLevel(log.WarnLevel)\n/' "$f"
grep -qF 'radio patch: go-rtmp logs stream keys' "$f" || { echo "livekit-ingress-prep: patch did not apply to $f" >&2; exit 1; }

grep -rqF '"streamKey", streamKey' pkg || { echo "livekit-ingress-prep: no streamKey log field found in pkg/" >&2; exit 1; }
grep -rlE '"streamKey", (streamKey|req\.StreamKey)\b' pkg | while read -r g; do
  perl -pi -e 's/"streamKey", (?:streamKey|req\.StreamKey)\b/"streamKey", "[redacted]"/g' "$g"
done
if grep -rnE '"streamKey", (streamKey|req\.StreamKey)\b' pkg; then echo "livekit-ingress-prep: stream keys still logged" >&2; exit 1; fi
