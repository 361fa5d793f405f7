{{/* The chart's name and the release's full name. */}}
{{- define "factgrade.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "factgrade.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "factgrade.selectorLabels" -}}
app.kubernetes.io/name: {{ include "factgrade.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "factgrade.labels" -}}
{{ include "factgrade.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* postgres is "true" when the database is PostgreSQL. */}}
{{- define "factgrade.postgres" -}}
{{- if .Values.database.existingSecret -}}true{{- end -}}
{{- end -}}

{{/* replicas: replicaCount, else 2 with PostgreSQL and 1 with SQLite. */}}
{{- define "factgrade.replicas" -}}
{{- if not (kindIs "invalid" .Values.replicaCount) -}}
{{- .Values.replicaCount -}}
{{- else if include "factgrade.postgres" . -}}
2
{{- else -}}
1
{{- end -}}
{{- end -}}
