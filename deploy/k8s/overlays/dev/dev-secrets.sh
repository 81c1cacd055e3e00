#!/usr/bin/env bash
# Creates (or updates) the five services' and the web portal's Secrets in namespace eops for a development cluster, from
# the environment or development defaults: a MongoDB in eops-dev without authentication and Mailpit.
# Production Secrets come from the cluster's secret manager under the same names (see deploy/README.md).
set -euo pipefail
MONGO="${EOPS_DEV_MONGODB:-mongodb://mongodb.eops-dev.svc:27017}"
kubectl get namespace eops >/dev/null 2>&1 || kubectl create namespace eops
for pair in request-service:eops-request publication-service:eops-publication purge-service:eops-purge \
  permission-service:eops-permission notification-service:eops-notification; do
  service="${pair%%:*}" database="${pair#*:}"
  extra=()
  if [[ "$service" == notification-service ]]; then
    extra=(--from-literal=EOPS_SMTP_USERNAME="${EOPS_DEV_SMTP_USERNAME:-}" --from-literal=EOPS_SMTP_PASSWORD="${EOPS_DEV_SMTP_PASSWORD:-}")
  fi
  kubectl -n eops create secret generic "$service-secrets" \
    --from-literal=EOPS_MONGODB_URI="$MONGO/$database" "${extra[@]}" \
    --dry-run=client -o yaml | kubectl apply -f -
done
# The web portal's client secret at the provider (Keycloak's eops-portal client in deploy/compose's realm).
kubectl -n eops create secret generic web-portal-secrets \
  --from-literal=EOPS_PORTAL_CLIENT_SECRET="${EOPS_DEV_PORTAL_CLIENT_SECRET:-portal-secret-local}" \
  --dry-run=client -o yaml | kubectl apply -f -
