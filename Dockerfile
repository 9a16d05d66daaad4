# One image for every app; each compose service runs a different entry point.
FROM node:22-bookworm-slim AS build
WORKDIR /srv
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
# The insights app prints board packs as PDF with Debian's Chromium, driven by playwright-core (which downloads no
# browser): the package and the fonts its pages are set in. BOARD_PACK_CHROMIUM_PATH names it (the default).
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV BOARD_PACK_CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /srv
COPY --from=build /srv/node_modules ./node_modules
COPY --from=build /srv/dist ./dist
COPY package.json ./
USER node
CMD ["node", "dist/apps/intake/src/main.js"]
