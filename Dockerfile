# syntax=docker/dockerfile:1
# Single image for the web app and the background worker (see docker-compose.yml).
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    PORT=3000 \
    UPLOAD_DIR=/data/uploads

# Owned by the unprivileged `node` user; the uploads dir ownership carries over to a named volume.
RUN mkdir -p /app /data/uploads && chown -R node:node /app /data
WORKDIR /app
USER node

# Dev dependencies are kept on purpose: the worker, migrations and seed run through tsx.
# Native deps ship prebuilt optional packages, so no install scripts (and no toolchain) are needed.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts && npm cache clean --force

# The build needs no database or runtime secrets.
COPY --chown=node:node . .
RUN npm run build

EXPOSE 3000
ENTRYPOINT ["bash", "/app/scripts/docker-entrypoint.sh"]
CMD ["web"]
