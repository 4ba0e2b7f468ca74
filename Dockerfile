# syntax=docker/dockerfile:1
# The silo and gateway images, from one build on the official .NET images:
#   docker build --target silo    -t registry.example.com/codecov/silo:1.0.0 .
#   docker build --target gateway -t registry.example.com/codecov/gateway:1.0.0 .
# Both run as the images' non-root `app` user (uid 1654, what the chart's securityContext expects)
# and write nothing outside /tmp in cluster mode, so they run on a read-only root filesystem.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore from the project files alone first: a code change reuses the restored layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY Grains.Interfaces/Grains.Interfaces.csproj Grains.Interfaces/
COPY Grains/Grains.csproj Grains/
COPY Silo/Silo.csproj Silo/
COPY Gateway/Gateway.csproj Gateway/
# The gateway references the silo project, so this restores all four.
RUN dotnet restore Gateway/Gateway.csproj
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Grains/ Grains/
COPY Silo/ Silo/
COPY Gateway/ Gateway/

FROM build AS publish-silo
RUN dotnet publish Silo/Silo.csproj --configuration Release --no-restore --output /app

FROM build AS publish-gateway
RUN dotnet publish Gateway/Gateway.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
# Embedded mode (`docker run` without Hosting__Mode=Cluster) keeps its state in the /data volume.
RUN mkdir /data && chown "$APP_UID" /data
ENV Storage__DataDirectory=/data \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1
VOLUME /data
WORKDIR /app
USER $APP_UID

FROM runtime AS silo
COPY --from=publish-silo /app ./
# HTTP (health, metrics), silo-to-silo, gateway-to-silo.
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Codecov.Silo.dll"]

FROM runtime AS gateway
COPY --from=publish-gateway /app ./
EXPOSE 8080
ENTRYPOINT ["dotnet", "Codecov.Gateway.dll"]
