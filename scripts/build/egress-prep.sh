#!/usr/bin/env sh
# Build-time preparation of livekit/egress v1.8.6 (run by go-binary.sh inside a
# writable copy of the module). Test builds only; the production image is
# LiveKit's own.
#  1. cmd/server embeds a `templates` folder that the module zip lacks. Our
#     stack serves its own template page (template_base), so a stub is enough.
#  2. Egress encodes AAC with GStreamer's `faac` element, which Debian does not
#     ship. Use libav's AAC encoder instead (`audioconvert ! avenc_aac`, same
#     `bitrate` property in bits per second). The build fails if the source no
#     longer looks as expected, rather than silently building something else.
set -eu

mkdir -p cmd/server/templates
echo '<html></html>' > cmd/server/templates/index.html

f=pkg/pipeline/builder/audio.go
grep -q 'gst.NewElement("faac")' "$f" || { echo "egress-prep: faac element not found in $f" >&2; exit 1; }
grep -q 'return b.bin.AddElement(faac)' "$f" || { echo "egress-prep: faac AddElement not found in $f" >&2; exit 1; }
perl -0pi -e 's/faac, err := gst\.NewElement\("faac"\)/aacConvert, err := gst.NewElement("audioconvert")\n\t\tif err != nil {\n\t\t\treturn errors.ErrGstPipelineError(err)\n\t\t}\n\t\tfaac, err := gst.NewElement("avenc_aac")/; s/return b\.bin\.AddElement\(faac\)/return b.bin.AddElements(aacConvert, faac)/' "$f"
grep -q 'gst.NewElement("avenc_aac")' "$f" || { echo "egress-prep: patch did not apply to $f" >&2; exit 1; }
