# Image for the CaseBridge API and worker; docker-compose.yml runs one container of each.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY lib ./lib
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker
COPY api ./api
COPY scripts ./scripts
USER node
ENV NODE_ENV=production
CMD ["node_modules/.bin/tsx", "api/main.ts"]
