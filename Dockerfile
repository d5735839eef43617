# One image for the API, the projection worker and the migrate step.
FROM python:3.11.10-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements/runtime.lock requirements/runtime.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/runtime.lock

COPY pyproject.toml README.md ./
COPY domain domain
COPY registry registry
COPY projections projections
COPY api api
RUN pip install --no-cache-dir --no-deps . && useradd --system --uid 10001 nqs \
    && mkdir -p /data && chown nqs /data
USER nqs
ENV NQS_DATA_DIR=/data NQS_HOST=0.0.0.0 NQS_PORT=8000 NQS_LOG_FORMAT=json
EXPOSE 8000
CMD ["nqs", "serve"]
