{{/*
Names. A release per municipality: `helm install fremskudt-kbh ...` gives objects named
fremskudt-kbh-<service>. Truncated so <fullname>-<service>-migrations stays within 63 characters.
*/}}
{{- define "fremskudt.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "fremskudt.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 36 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 36 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "fremskudt.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "fremskudt.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: fremskudt
fremskudt.dk/tenant: {{ .Values.tenant.id | quote }}
{{- end -}}

{{/* Selects every pod of the release (services and migration jobs). */}}
{{- define "fremskudt.releaseSelector" -}}
app.kubernetes.io/name: {{ include "fremskudt.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selects one service's pods. Call with (dict "root" $ "name" $name). */}}
{{- define "fremskudt.selectorLabels" -}}
{{ include "fremskudt.releaseSelector" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/*
The settings of one service: serviceDefaults overlaid with services.<name>. Call with
(dict "root" $ "name" $name); returns YAML, so use `include ... | fromYaml`.
*/}}
{{- define "fremskudt.serviceConfig" -}}
{{- $defaults := deepCopy .root.Values.serviceDefaults -}}
{{- $own := deepCopy (index .root.Values.services .name) -}}
{{- toYaml (mustMergeOverwrite $defaults $own) -}}
{{- end -}}

{{/* The enabled services' names, sorted (ranges over maps are sorted by key). */}}
{{- define "fremskudt.enabledServices" -}}
{{- $names := list -}}
{{- range $name, $own := .Values.services -}}
{{- if ne (toString $own.enabled) "false" -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}

{{/* <registry>/<prefix>/<service>:<tag> or @<digest>. Call with (dict "root" $ "name" $name "config" $config). */}}
{{- define "fremskudt.image" -}}
{{- $image := .config.image | default dict -}}
{{- $repository := $image.repository | default (printf "%s/%s/%s" .root.Values.image.registry .root.Values.image.repositoryPrefix .name) -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else -}}
{{- $tag := $image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if eq (toString $tag) "latest" -}}
{{- fail (printf "services.%s.image.tag: \"latest\" is not allowed; name a version" .name) -}}
{{- end -}}
{{- printf "%s:%s" $repository (toString $tag) -}}
{{- end -}}
{{- end -}}

{{- define "fremskudt.databaseSecret" -}}
{{- $database := .config.database | default dict -}}
{{- $database.existingSecret | default (printf "%s-%s-database" (include "fremskudt.fullname" .root) .name) -}}
{{- end -}}

{{/* Environment shared by a service's pods and its migrations Job: database and logging. */}}
{{- define "fremskudt.databaseEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "fremskudt.databaseSecret" . }}
      key: {{ .root.Values.database.secretKeys.url }}
- name: DATABASE_RELAY_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "fremskudt.databaseSecret" . }}
      key: {{ .root.Values.database.secretKeys.relayUrl }}
- name: LOG_LEVEL
  value: {{ .config.logLevel | quote }}
- name: NODE_ENV
  value: production
{{- end -}}

{{/*
The service's own secrets as environment variables (services.<name>.secrets.env), from its
Secret (secrets.existingSecret, default <release>-<service>-secrets). An entry with
`optional: true` may be missing from the Secret (caseload's key-rotation variables): the
variable is then unset. Call with $scope.
*/}}
{{- define "fremskudt.secretEnv" -}}
{{- $secrets := .config.secrets | default dict -}}
{{- $secret := $secrets.existingSecret | default (printf "%s-%s-secrets" (include "fremskudt.fullname" .root) .name) -}}
{{- range $secrets.env }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}

{{/* Pod-level security context: non-root, fixed ids, the runtime's default seccomp profile. */}}
{{- define "fremskudt.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Container-level security context: read-only root, no escalation, no capabilities. */}}
{{- define "fremskudt.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Checks the schema cannot express: every desk belongs to a declared area, sessions close after
they open, area codes are unique. The services check the same at start-up.
*/}}
{{- define "fremskudt.validateTenant" -}}
{{- $tenant := .Values.tenant -}}
{{- $codes := list -}}
{{- range $index, $area := $tenant.areas -}}
{{- if has $area.code $codes -}}
{{- fail (printf "tenant.areas[%d].code: %q is declared twice" $index $area.code) -}}
{{- end -}}
{{- $codes = append $codes $area.code -}}
{{- end -}}
{{- range $index, $desk := $tenant.desks -}}
{{- if not (has $desk.areaCode $codes) -}}
{{- fail (printf "tenant.desks[%d].areaCode: %q is not one of tenant.areas[].code (%s)" $index $desk.areaCode (join ", " $codes)) -}}
{{- end -}}
{{- range $slot, $opening := $desk.weekly -}}
{{- if not (lt $opening.opens $opening.closes) -}}
{{- fail (printf "tenant.desks[%d].weekly[%d]: closes (%s) must be after opens (%s)" $index $slot $opening.closes $opening.opens) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
