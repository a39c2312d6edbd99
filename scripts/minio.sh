#!/usr/bin/env sh
# Ensures a pinned MinIO server (S3-compatible storage for local stacks, standing
# in for Cloudflare R2) and prints its absolute path on stdout. Built once from
# the Go module proxy and cached outside the clone.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
exec sh "$root/scripts/build/go-binary.sh" minio "github.com/minio/minio" "$MINIO_VERSION" .
