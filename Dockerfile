# syntax=docker/dockerfile:1
# One image per service, all from this file:
#   docker build --build-arg SERVICE=caseload -t ghcr.io/fremskudt/caseload:0.1.0 .
# (SERVICE: caseload, counselling, companies, projects or reporting). The Helm chart runs
# <registry>/<prefix>/<service>:<appVersion>; its migrations Job runs the same image with
# `node /app/main.js migrate`.
ARG NODE_VERSION=20.20.2

# ---- manifests: every workspace's package.json and the lockfile --------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS manifests
WORKDIR /app
# Copied alone, so the dependency layers below are rebuilt only when a manifest changes. npm
# needs every workspace's package.json to link the workspaces.
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/messaging/package.json libs/messaging/
COPY libs/persistence/package.json libs/persistence/
COPY libs/service-kit/package.json libs/service-kit/
COPY libs/testing/package.json libs/testing/
COPY services/caseload/package.json services/caseload/
COPY services/counselling/package.json services/counselling/
COPY services/companies/package.json services/companies/
COPY services/projects/package.json services/projects/
COPY services/reporting/package.json services/reporting/
COPY e2e/package.json e2e/

# ---- deps: production dependencies only (no TypeScript, Nx, Jest) ------------------------------
FROM manifests AS deps
# `npm install` from the lockfile, as CI does (README: `npm ci` refuses a lockfile without other
# platforms' optional binaries); `cmp` proves the lockfile did not move.
RUN cp package-lock.json /tmp/package-lock.json \
 && npm install --omit=dev --no-audit --no-fund \
 && cmp package-lock.json /tmp/package-lock.json

# ---- build: everything, then the one service and, by its project references, its libs ---------
FROM manifests AS build
RUN cp package-lock.json /tmp/package-lock.json \
 && npm install --no-audit --no-fund \
 && cmp package-lock.json /tmp/package-lock.json
COPY tsconfig.base.json ./
COPY libs libs
COPY services services
ARG SERVICE
RUN test -n "${SERVICE}" -a -f "services/${SERVICE}/tsconfig.build.json" \
 || { echo "--build-arg SERVICE=<one of: $(ls services | tr '\n' ' ')> is required" >&2; exit 1; }
RUN npx tsc -b "services/${SERVICE}/tsconfig.build.json"
# What the runtime image gets besides node_modules: the built libs and service, no sources.
RUN mkdir -p "/out/services/${SERVICE}" \
 && cp package.json /out/ \
 && for lib in libs/*; do \
      if [ -d "$lib/dist" ]; then mkdir -p "/out/$lib" && cp -r "$lib/package.json" "$lib/dist" "/out/$lib/"; fi; \
    done \
 && cp -r "services/${SERVICE}/package.json" "services/${SERVICE}/dist" "/out/services/${SERVICE}/" \
 && find /out -name '*.tsbuildinfo' -delete \
 && ln -s "services/${SERVICE}/dist/main.js" /out/main.js

# ---- runtime: Node slim, tini as PID 1, non-root, nothing writable needed ---------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini forwards SIGTERM to node and reaps zombies; node as PID 1 would ignore default signals.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
# Owned by root and only readable by the service's user: the root filesystem can be read-only.
COPY --from=deps --chown=root:root /app/node_modules /app/node_modules
COPY --from=build --chown=root:root /out /app
ARG SERVICE
LABEL org.opencontainers.image.title="fremskudt-${SERVICE}" \
      org.opencontainers.image.source="https://github.com/fremskudt/fremskudt" \
      org.opencontainers.image.licenses="MIT"
# The node image's unprivileged user, numerically, so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8080
# No HEALTHCHECK: Kubernetes probes /health/live and /health/ready.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "/app/main.js"]
