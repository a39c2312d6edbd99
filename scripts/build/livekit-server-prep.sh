#!/usr/bin/env sh
# Build-time patches of livekit-server v1.13.5 (run by go-binary.sh inside a
# writable copy of the module), used by the test build and the production image
# alike (deploy/livekit-server.Dockerfile), so both run the same server.
# docs/livekit-patch.md explains each. Every patch checks its anchors first and
# its result after: the build fails if the source no longer looks as expected.
set -eu
fail() { echo "livekit-server-prep: $*" >&2; exit 1; }

# 1. (*IOInfoService).UpdateIngressState dereferences info.State without a nil
# check. LoadIngress reads an ingress's info and its state non-atomically, so
# when DeleteIngress removes an ingress that is still streaming, the ingress's
# last state update can find the info without a state and the whole server
# panics (nil pointer dereference), taking every channel off the air. Upstream
# fixed it later by treating a missing state as an empty one; we do the same.
f=pkg/service/ioservice_ingress.go
anchor='info, err := s.is.LoadIngress(ctx, req.IngressId)'
grep -qF "$anchor" "$f" || fail "LoadIngress call not found in $f"
grep -qF 'if info.State.Status != req.State.Status {' "$f" || fail "state comparison not found in $f"
perl -0pi -e 's/(\tif err = s\.is\.UpdateIngressState\(ctx, req\.IngressId, req\.State\); err != nil \{)/\t\/\/ radio patch: an ingress deleted while streaming loads without its state.\n\tif info.State == nil {\n\t\tinfo.State = &livekit.IngressState{}\n\t}\n\tif req.State == nil {\n\t\treq.State = &livekit.IngressState{}\n\t}\n\n$1/' "$f"
grep -qF 'radio patch: an ingress deleted while streaming' "$f" || fail "patch did not apply to $f"

# 2. The same race in the API: (*IngressService).UpdateIngress and DeleteIngress load the
# ingress and switch on info.State.Status. An ingress a concurrent DeleteIngress is removing
# loads without its state (the same non-atomic LoadIngress), and the server panics there too.
# A missing state is an empty (inactive) one, as in patch 1.
f=pkg/service/ingress.go
[ "$(grep -c '^	switch info\.State\.Status {$' "$f")" = 2 ] || fail "expected two info.State switches in $f"
perl -0pi -e 's/\n(\tswitch info\.State\.Status \{\n)/\n\t\/\/ radio patch: an ingress being deleted concurrently loads without its state.\n\tif info.State == nil {\n\t\tinfo.State = &livekit.IngressState{}\n\t}\n$1/g' "$f"
[ "$(grep -c 'radio patch: an ingress being deleted concurrently' "$f")" = 2 ] || fail "patch did not apply to $f"

# 3. Publish muted. An ingress cannot publish its track muted, so the app muted an OBS input
# waiting in its DJ's green room right after LiveKit published it, and under load listeners
# heard ~70 ms of it first. Here an INGRESS participant whose metadata is JSON with
# "publishMuted": true (the app sets it on every ingress it creates) gets its tracks added
# muted: LiveKit's forwarders drop every packet of a muted track (publisher mute, set on each
# subscriber's downtrack before it becomes writable) until the app unmutes it from the server
# (room.enable_remote_unmute), at once for an on-air input, at the slot start for a green-room one.
f=pkg/rtc/participant.go
anchor='func (p *ParticipantImpl) AddTrack(req *livekit.AddTrackRequest) {'
[ "$(grep -cF "$anchor" "$f")" = 1 ] || fail "AddTrack not found in $f"
grep -qF 'Muted:                 req.Muted,' "$f" || fail "the pending track no longer takes Muted from the request in $f"
grep -qF 'func (p *ParticipantImpl) ClaimGrants() *auth.ClaimGrants {' "$f" || fail "ClaimGrants not found in $f"
grep -qF 'func (p *ParticipantImpl) Kind() livekit.ParticipantInfo_Kind {' "$f" || fail "Kind not found in $f"
perl -0pi -e 's/(\nfunc \(p \*ParticipantImpl\) AddTrack\(req \*livekit\.AddTrackRequest\) \{\n)/$1\tradioPublishMuted(p, req) \/\/ radio patch: radio_publish_muted.go\n/' "$f"
grep -qF 'radioPublishMuted(p, req) // radio patch' "$f" || fail "patch did not apply to $f"
[ ! -e pkg/rtc/radio_publish_muted.go ] || fail "pkg/rtc/radio_publish_muted.go already exists"
cat > pkg/rtc/radio_publish_muted.go <<'GO'
package rtc

// radio patch (scripts/build/livekit-server-prep.sh in the radio's repository): an
// ingress participant whose metadata asks for it publishes every track muted.

import (
	"encoding/json"

	"github.com/livekit/protocol/livekit"
)

type radioParticipantMetadata struct {
	PublishMuted bool `json:"publishMuted"`
}

func radioPublishMuted(p *ParticipantImpl, req *livekit.AddTrackRequest) {
	grants := p.ClaimGrants()
	if req.Muted || grants == nil || grants.Metadata == "" || p.Kind() != livekit.ParticipantInfo_INGRESS {
		return
	}
	var m radioParticipantMetadata
	if json.Unmarshal([]byte(grants.Metadata), &m) != nil || !m.PublishMuted {
		return
	}
	req.Muted = true
	p.pubLogger.Infow("radio patch: ingress track added muted", "cid", req.Cid, "kind", req.Type, "name", req.Name)
}
GO
