{{/* Names: <release>-codecov unless the release name already says codecov; 63 characters at most. */}}
{{- define "codecov.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "codecov.componentName" -}}
{{- printf "%s-%s" (include "codecov.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "codecov.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "codecov.labels" -}}
{{ include "codecov.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "codecov.clusterId" -}}
{{- default .Release.Name .Values.orleans.clusterId -}}
{{- end -}}

{{- define "codecov.image" -}}
{{- $repository := ternary .root.Values.image.siloRepository .root.Values.image.gatewayRepository (eq .component "silo") -}}
{{- printf "%s:%s" $repository (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{- define "codecov.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.create -}}
{{- include "codecov.componentName" . -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/* The public base URL: the value, else the ingress host, else empty. */}}
{{- define "codecov.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl | trimSuffix "/" -}}
{{- else if .Values.ingress.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- end -}}
{{- end -}}

{{/* Seconds as a .NET TimeSpan ([d.]hh:mm:ss); a bare number would be read as days. */}}
{{- define "codecov.timespan" -}}
{{- $total := int . -}}
{{- $days := div $total 86400 -}}
{{- $clock := printf "%02d:%02d:%02d" (div (mod $total 86400) 3600) (div (mod $total 3600) 60) (mod $total 60) -}}
{{- if gt $days 0 }}{{ printf "%d.%s" $days $clock }}{{ else }}{{ $clock }}{{ end -}}
{{- end -}}

{{/*
Product configuration keys that hold credentials: they come from `secrets` only, never from
extraConfig or extraEnv, so no credential is ever rendered into a manifest.
*/}}
{{- define "codecov.secretKeys" -}}
ConnectionStrings:Postgres ConnectionStrings:Redis S3:AccessKey S3:SecretKey Codecov:UploadSigningKey Codecov:GlobalUploadToken Codecov:AdminToken GitHub:ClientSecret GitHub:Token Webhooks:GitHubSecret
{{- end -}}

{{/* "true" when a configuration key (Section:Key or Section__Key, any case) is a credential. */}}
{{- define "codecov.isSecretKey" -}}
{{- if has (.key | replace "__" ":" | lower) (splitList " " (include "codecov.secretKeys" .root | lower)) -}}true{{- end -}}
{{- end -}}

{{/* Env entries read from existing Secrets, from [envName, {name, key}] pairs; references without a name are skipped. */}}
{{- define "codecov.secretEnv" -}}
{{- range $pair := . }}
{{- $ref := index $pair 1 }}
{{- if $ref.name }}
- name: {{ index $pair 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.name }}
      key: {{ $ref.key }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Checks across values that a JSON schema cannot express; each message names the values to fix. */}}
{{- define "codecov.validate" -}}
{{- $shutdown := int .Values.hosting.shutdownTimeoutSeconds -}}
{{- $drain := int .Values.hosting.drainDelaySeconds -}}
{{- if le (int .Values.silo.terminationGracePeriodSeconds) $shutdown -}}
{{- fail (printf "silo.terminationGracePeriodSeconds (%d) must exceed hosting.shutdownTimeoutSeconds (%d): Kubernetes would kill silos before they hand their grains over." (int .Values.silo.terminationGracePeriodSeconds) $shutdown) -}}
{{- end -}}
{{- if le (int .Values.gateway.terminationGracePeriodSeconds) (add $shutdown $drain) -}}
{{- fail (printf "gateway.terminationGracePeriodSeconds (%d) must exceed hosting.shutdownTimeoutSeconds plus hosting.drainDelaySeconds (%d): Kubernetes would kill gateways mid-request." (int .Values.gateway.terminationGracePeriodSeconds) (add $shutdown $drain)) -}}
{{- end -}}
{{- range $component := list "silo" "gateway" -}}
{{- $values := index $.Values $component -}}
{{- if and $values.autoscaling.enabled (gt (int $values.autoscaling.minReplicas) (int $values.autoscaling.maxReplicas)) -}}
{{- fail (printf "%s.autoscaling.minReplicas (%d) must not exceed %s.autoscaling.maxReplicas (%d)." $component (int $values.autoscaling.minReplicas) $component (int $values.autoscaling.maxReplicas)) -}}
{{- end -}}
{{- range $env := $values.extraEnv -}}
{{- if and (hasKey $env "value") (include "codecov.isSecretKey" (dict "root" $ "key" $env.name)) -}}
{{- fail (printf "%s.extraEnv sets %s to a plain value, but it is a credential: reference its Secret under `secrets` (or use valueFrom)." $component $env.name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $key, $value := .Values.extraConfig -}}
{{- if include "codecov.isSecretKey" (dict "root" $ "key" $key) -}}
{{- fail (printf "extraConfig sets %s, a credential: reference its Secret under `secrets` instead." $key) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.ingress.enabled .Values.ingress.tls.enabled (not .Values.ingress.tls.secretName) -}}
{{- fail "ingress.tls.secretName is required when ingress.tls.enabled is true." -}}
{{- end -}}
{{- end -}}

{{/* Pod-level security: the images' non-root `app` user (uid 1654), default seccomp profile. */}}
{{- define "codecov.podSecurityContext" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 1654
  runAsGroup: 1654
  fsGroup: 1654
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{- define "codecov.containerSecurityContext" -}}
securityContext:
  allowPrivilegeEscalation: false
  privileged: false
  readOnlyRootFilesystem: true
  runAsNonRoot: true
  capabilities:
    drop: ["ALL"]
{{- end -}}

{{/* Everything a pod needs for its writable /tmp on a read-only root filesystem. */}}
{{- define "codecov.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .sizeLimit }}
{{- end -}}

{{- define "codecov.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/*
Started: the web server answers (it starts after the silo joined or the client connected).
Live: the process answers. Ready: joined the cluster and not draining.
*/}}
{{- define "codecov.probes" -}}
startupProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: 5
  failureThreshold: 60
livenessProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /health/ready
    port: http
  periodSeconds: 5
  timeoutSeconds: 5
  failureThreshold: 2
{{- end -}}

{{/* One pod per node: preferred (soft) or required (hard). */}}
{{- define "codecov.antiAffinity" -}}
{{- $term := dict "topologyKey" "kubernetes.io/hostname" "labelSelector" (dict "matchLabels" (include "codecov.selectorLabels" . | fromYaml)) -}}
affinity:
  podAntiAffinity:
    {{- if eq (index .root.Values .component).podAntiAffinity "hard" }}
    requiredDuringSchedulingIgnoredDuringExecution:
      - {{- toYaml $term | nindent 8 }}
    {{- else }}
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          {{- toYaml $term | nindent 10 }}
    {{- end }}
{{- end -}}

{{/* Scheduling, pull secrets and annotations shared by silo and gateway pod templates. */}}
{{- define "codecov.podMetadata" -}}
{{- $values := index .root.Values .component -}}
metadata:
  labels:
    {{- include "codecov.labels" . | nindent 4 }}
    {{- with .extraLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    checksum/config: {{ include (print .root.Template.BasePath "/configmap.yaml") .root | sha256sum }}
    {{- if .root.Values.metrics.scrapeAnnotations }}
    prometheus.io/scrape: "true"
    prometheus.io/port: "8080"
    prometheus.io/path: /metrics
    {{- end }}
    {{- with $values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}

{{- define "codecov.scheduling" -}}
{{- $values := index .root.Values .component -}}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{ include "codecov.antiAffinity" . }}
{{- end -}}

{{/* Rolling updates start a replacement before stopping anything. */}}
{{- define "codecov.deploymentStrategy" -}}
{{- $values := index .root.Values .component -}}
{{- if not $values.autoscaling.enabled }}
replicas: {{ $values.replicas }}
{{- end }}
minReadySeconds: {{ $values.minReadySeconds }}
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxUnavailable: 0
    maxSurge: {{ $values.maxSurge }}
selector:
  matchLabels:
    {{- include "codecov.selectorLabels" . | nindent 4 }}
{{- end -}}

{{/* Credentials silos and gateways both need, as [envName, secret reference] pairs. */}}
{{- define "codecov.commonSecrets" -}}
{{- $secrets := .Values.secrets -}}
{{- list (list "ConnectionStrings__Postgres" $secrets.postgres) (list "ConnectionStrings__Redis" $secrets.redis) (list "S3__AccessKey" $secrets.s3AccessKey) (list "S3__SecretKey" $secrets.s3SecretKey) | toJson -}}
{{- end -}}

{{/* The Data Protection certificate Secret as files, when one is named. */}}
{{- define "codecov.dataProtectionVolume" -}}
{{- with .Values.secrets.dataProtectionCertificate.name -}}
- name: data-protection
  secret:
    secretName: {{ . }}
    defaultMode: 288  # 0440: owner and the pod's fsGroup may read
{{- end -}}
{{- end -}}

{{- define "codecov.dataProtectionMount" -}}
{{- if .Values.secrets.dataProtectionCertificate.name -}}
- name: data-protection
  mountPath: /etc/codecov/data-protection
  readOnly: true
{{- end -}}
{{- end -}}
