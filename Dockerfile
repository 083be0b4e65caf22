# One image for the API and the worker (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
# The letters' CJK faces: FangSong and Kai (Fandol), Song, heavy Song and Hei (Noto CJK).
RUN apt-get update \
  && apt-get install -y --no-install-recommends texlive-lang-chinese fonts-noto-cjk fonts-noto-cjk-extra \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
