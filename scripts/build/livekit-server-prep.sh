#!/usr/bin/env sh
# Build-time patch of livekit-server v1.13.5 (run by go-binary.sh inside a
# writable copy of the module), used by the test build and the production image
# alike (deploy/livekit-server.Dockerfile), so both run the same server.
#
# (*IOInfoService).UpdateIngressState dereferences info.State without a nil
# check. LoadIngress reads an ingress's info and its state non-atomically, so
# when DeleteIngress removes an ingress that is still streaming, the ingress's
# last state update can find the info without a state and the whole server
# panics (nil pointer dereference), taking every channel off the air. Upstream
# fixed it later by treating a missing state as an empty one; we do the same.
# The build fails if the source no longer looks as expected.
set -eu

f=pkg/service/ioservice_ingress.go
anchor='info, err := s.is.LoadIngress(ctx, req.IngressId)'
grep -qF "$anchor" "$f" || { echo "livekit-server-prep: LoadIngress call not found in $f" >&2; exit 1; }
grep -qF 'if info.State.Status != req.State.Status {' "$f" || { echo "livekit-server-prep: state comparison not found in $f" >&2; exit 1; }
perl -0pi -e 's/(\tif err = s\.is\.UpdateIngressState\(ctx, req\.IngressId, req\.State\); err != nil \{)/\t\/\/ radio patch: an ingress deleted while streaming loads without its state.\n\tif info.State == nil {\n\t\tinfo.State = &livekit.IngressState{}\n\t}\n\tif req.State == nil {\n\t\treq.State = &livekit.IngressState{}\n\t}\n\n$1/' "$f"
grep -qF 'radio patch: an ingress deleted while streaming' "$f" || { echo "livekit-server-prep: patch did not apply to $f" >&2; exit 1; }
