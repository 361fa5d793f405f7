package deploy

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/v2/lint"
	"helm.sh/helm/v4/pkg/chart/v2/lint/support"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/engine"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/managedfields"
	"k8s.io/client-go/applyconfigurations"
	"k8s.io/client-go/kubernetes/scheme"

	"github.com/factgrade/factgrade/config"
)

// chartDir is the Helm chart.
const chartDir = "helm/factgrade"

// schemas validates objects against the Kubernetes API's schemas that
// client-go carries (the structured-merge-diff form of the OpenAPI
// definitions, generated from the API types): unknown fields and values of
// the wrong type are errors, offline.
var schemas = sync.OnceValue(func() managedfields.TypeConverter {
	return applyconfigurations.NewTypeConverter(scheme.Scheme)
})

// rendered is a chart rendered with some values: its objects by kind.
type rendered struct {
	objects []*unstructured.Unstructured
}

// render renders the chart as 'helm template' does, with vals over its
// values.yaml, and validates every object against the Kubernetes schemas.
func render(t *testing.T, vals map[string]any) *rendered {
	t.Helper()
	out, err := renderChart(vals)
	if err != nil {
		t.Fatalf("rendering the chart with %v: %v", vals, err)
	}
	r := &rendered{}
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !strings.HasSuffix(name, ".yaml") {
			continue
		}
		objs, err := decodeObjects(out[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, u := range objs {
			if err := validate(u); err != nil {
				t.Errorf("%s: %s %s does not match the Kubernetes schema: %v", name, u.GetKind(), u.GetName(), err)
			}
			r.objects = append(r.objects, u)
		}
	}
	return r
}

// renderChart renders the chart with vals, release "fg" in namespace
// "newsroom".
func renderChart(vals map[string]any) (map[string]string, error) {
	ch, err := loader.Load(chartDir)
	if err != nil {
		return nil, err
	}
	opts := common.ReleaseOptions{Name: "fg", Namespace: "newsroom", Revision: 1, IsInstall: true}
	values, err := util.ToRenderValues(ch, vals, opts, common.DefaultCapabilities)
	if err != nil {
		return nil, err
	}
	return engine.Render(ch, values)
}

// decodeObjects splits a rendered template into its objects.
func decodeObjects(text string) ([]*unstructured.Unstructured, error) {
	var objs []*unstructured.Unstructured
	dec := yaml.NewDecoder(strings.NewReader(text))
	for {
		var m map[string]any
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			return objs, nil
		}
		if err != nil {
			return nil, err
		}
		if len(m) == 0 {
			continue
		}
		// Through JSON's types (int64, float64), as the API server sees it.
		b, err := yamlToJSON(m)
		if err != nil {
			return nil, err
		}
		u := &unstructured.Unstructured{}
		if err := u.UnmarshalJSON(b); err != nil {
			return nil, err
		}
		objs = append(objs, u)
	}
}

// validate checks u against the schema of its kind.
func validate(u *unstructured.Unstructured) error {
	_, err := schemas().ObjectToTyped(u)
	return err
}

// one returns the only object of kind, converted to T with unknown fields
// refused, or fails.
func one[T any](t *testing.T, r *rendered, kind string) *T {
	t.Helper()
	var found []*unstructured.Unstructured
	for _, u := range r.objects {
		if u.GetKind() == kind {
			found = append(found, u)
		}
	}
	if len(found) != 1 {
		t.Fatalf("rendered %d %s objects, want 1", len(found), kind)
	}
	obj := new(T)
	if err := runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation(found[0].Object, obj, true); err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	return obj
}

func (r *rendered) kinds() []string {
	var ks []string
	for _, u := range r.objects {
		ks = append(ks, u.GetKind())
	}
	sort.Strings(ks)
	return ks
}

func TestChartLint(t *testing.T) {
	linter := lint.RunAll(chartDir, nil, "newsroom")
	for _, m := range linter.Messages {
		if m.Severity >= support.WarningSev {
			t.Errorf("helm lint: %s", m)
		}
	}
}

// TestChartValuesSchema: values.schema.json refuses misspelt or mistyped
// values before anything renders.
func TestChartValuesSchema(t *testing.T) {
	for name, vals := range map[string]map[string]any{
		"misspelt key":        {"databse": map[string]any{"existingSecret": "db"}},
		"replicas as text":    {"replicaCount": "two"},
		"negative drain":      {"shutdown": map[string]any{"drainSeconds": -1}},
		"a secret in env":     {"env": map[string]any{"SLACK_BOT_TOKEN": "xoxb-1"}},
		"not a setting":       {"env": map[string]any{"workers": 4}},
		"no bot token Secret": {"slack": map[string]any{"existingSecret": ""}},
	} {
		_, err := renderChart(vals)
		if err == nil || !strings.Contains(err.Error(), "schema") {
			t.Errorf("%s: %v rendered (error %v); want values.schema.json to refuse it", name, vals, err)
		}
	}
}

// TestSchemaValidationCatchesMistakes shows the validation is real: a
// misspelt field and a wrong type are refused.
func TestSchemaValidationCatchesMistakes(t *testing.T) {
	for name, doc := range map[string]string{
		"misspelt field": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          securityContex: {runAsNonRoot: true}\n",
		"wrong type":     "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  ports:\n    - port: eighty\n",
	} {
		objs, err := decodeObjects(doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(objs[0]); err == nil {
			t.Errorf("%s: validate accepted\n%s", name, doc)
		}
	}
}

func env(c corev1.Container) map[string]string {
	m := map[string]string{}
	for _, e := range c.Env {
		m[e.Name] = e.Value
	}
	return m
}

// mounted reports the file path a _FILE setting names, as the Secret
// volume mounted at its directory provides it: volume name and key.
func mounted(t *testing.T, pod corev1.PodSpec, path string) (secret, key string) {
	t.Helper()
	dir, key := filepath.Split(path)
	for _, m := range pod.Containers[0].VolumeMounts {
		if strings.TrimSuffix(dir, "/") != m.MountPath {
			continue
		}
		for _, v := range pod.Volumes {
			if v.Name == m.Name && v.Secret != nil {
				return v.Secret.SecretName, key
			}
		}
	}
	t.Errorf("%s is not in a mounted Secret", path)
	return "", ""
}

func TestChartSQLite(t *testing.T) {
	r := render(t, nil)
	if diff := slices.Compare(r.kinds(), []string{"Deployment", "PersistentVolumeClaim", "PodDisruptionBudget", "Service"}); diff != 0 {
		t.Errorf("default chart renders %v", r.kinds())
	}
	d := one[appsv1.Deployment](t, r, "Deployment")
	if *d.Spec.Replicas != 1 || d.Spec.Strategy.Type != appsv1.RecreateDeploymentStrategyType {
		t.Errorf("SQLite: replicas %d, strategy %s; want 1 and Recreate (one writer)", *d.Spec.Replicas, d.Spec.Strategy.Type)
	}
	pod := d.Spec.Template.Spec
	if v := pod.Volumes[0]; v.Name != "data" || v.PersistentVolumeClaim == nil || v.PersistentVolumeClaim.ClaimName != "fg-factgrade-data" {
		t.Errorf("data volume = %+v, want the PVC fg-factgrade-data", v)
	}
	pdb := one[policyv1.PodDisruptionBudget](t, r, "PodDisruptionBudget")
	if pdb.Spec.MaxUnavailable == nil || pdb.Spec.MaxUnavailable.IntValue() != 1 || pdb.Spec.MinAvailable != nil {
		t.Errorf("one replica: PDB %+v, want maxUnavailable 1 (minAvailable 1 would block node drains)", pdb.Spec)
	}
	if _, err := renderChart(map[string]any{"replicaCount": 3}); err == nil || !strings.Contains(err.Error(), "database.existingSecret") {
		t.Errorf("SQLite with 3 replicas rendered (err %v); want a refusal naming database.existingSecret", err)
	}
}

func TestChartPostgres(t *testing.T) {
	r := render(t, map[string]any{
		"database": map[string]any{"existingSecret": "factgrade-db"},
		"openai":   map[string]any{"existingSecret": "factgrade-openai"},
		"ingress":  map[string]any{"enabled": true, "className": "nginx", "host": "factgrade.newsroom.example", "tls": []any{map[string]any{"secretName": "fg-tls", "hosts": []any{"factgrade.newsroom.example"}}}},
		"config":   "digests:\n  - name: morning\n    schedule: \"0 8 * * 1-5\"\n    time_zone: Europe/London\n    channel: C0STANDARDS\n",
		"env":      map[string]any{"FACTGRADE_JUDGE": "hybrid", "OPENAI_MODEL": "gpt-4o-mini", "FACTGRADE_WORKERS": 8},
	})
	if diff := slices.Compare(r.kinds(), []string{"ConfigMap", "Deployment", "Ingress", "PodDisruptionBudget", "Service"}); diff != 0 {
		t.Errorf("PostgreSQL chart renders %v", r.kinds())
	}
	d := one[appsv1.Deployment](t, r, "Deployment")
	if *d.Spec.Replicas < 2 {
		t.Errorf("PostgreSQL: %d replicas by default, want several", *d.Spec.Replicas)
	}
	if s := d.Spec.Strategy; s.Type != appsv1.RollingUpdateDeploymentStrategyType || s.RollingUpdate.MaxUnavailable.IntValue() != 0 {
		t.Errorf("PostgreSQL: strategy %+v, want a rolling update that keeps every pod until its successor is ready", s)
	}
	pod := d.Spec.Template.Spec
	e := env(pod.Containers[0])
	if secret, key := mounted(t, pod, e["DATABASE_URL_FILE"]); secret != "factgrade-db" || key != "database-url" {
		t.Errorf("DATABASE_URL_FILE = %s from Secret %s key %s; want factgrade-db's database-url", e["DATABASE_URL_FILE"], secret, key)
	}
	if secret, key := mounted(t, pod, e["OPENAI_API_KEY_FILE"]); secret != "factgrade-openai" || key != "api-key" {
		t.Errorf("OPENAI_API_KEY_FILE from Secret %s key %s; want factgrade-openai's api-key", secret, key)
	}
	if e["FACTGRADE_CONFIG"] != "/etc/factgrade/factgrade.yaml" || e["FACTGRADE_WORKERS"] != "8" || e["FACTGRADE_JUDGE"] != "hybrid" {
		t.Errorf("env = %v; want FACTGRADE_CONFIG mounted and the env values passed", e)
	}
	cm := one[corev1.ConfigMap](t, r, "ConfigMap")
	if !strings.Contains(cm.Data["factgrade.yaml"], "name: morning") {
		t.Errorf("ConfigMap factgrade.yaml = %q, want the config value", cm.Data["factgrade.yaml"])
	}
	pdb := one[policyv1.PodDisruptionBudget](t, r, "PodDisruptionBudget")
	if pdb.Spec.MinAvailable == nil || pdb.Spec.MinAvailable.IntValue() != 1 {
		t.Errorf("several replicas: PDB %+v, want minAvailable 1", pdb.Spec)
	}
	if slices.Contains(r.kinds(), "Job") {
		t.Errorf("with database.migrate true the pods migrate; the chart renders a migration Job too")
	}
	ing := one[networkingv1.Ingress](t, r, "Ingress")
	if p := ing.Spec.Rules[0].HTTP.Paths[0]; p.Path != "/slack/" || p.Backend.Service.Name != "fg-factgrade" || ing.Spec.Rules[0].Host != "factgrade.newsroom.example" {
		t.Errorf("Ingress routes %s on %s to %s; want /slack/ to the Service", p.Path, ing.Spec.Rules[0].Host, p.Backend.Service.Name)
	}
}

// TestChartMigrateJob: with database.migrate=false the pods refuse an old
// schema and a pre-upgrade hook Job migrates.
func TestChartMigrateJob(t *testing.T) {
	r := render(t, map[string]any{"database": map[string]any{"existingSecret": "factgrade-db", "migrate": false}})
	job := one[batchv1.Job](t, r, "Job")
	if hook := job.Annotations["helm.sh/hook"]; hook != "pre-install,pre-upgrade" {
		t.Errorf("migration Job hook %q, want pre-install,pre-upgrade", hook)
	}
	c := job.Spec.Template.Spec.Containers[0]
	if !slices.Equal(c.Args, []string{"migrate"}) || env(c)["DATABASE_URL_FILE"] == "" {
		t.Errorf("migration Job runs %v with env %v, want migrate with DATABASE_URL_FILE", c.Args, env(c))
	}
	if sc := c.SecurityContext; sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem || len(sc.Capabilities.Drop) != 1 {
		t.Errorf("migration Job security context %+v, want the pod's restrictions", sc)
	}
	d := one[appsv1.Deployment](t, r, "Deployment")
	if env(d.Spec.Template.Spec.Containers[0])["FACTGRADE_MIGRATE"] != "false" {
		t.Errorf("pods migrate although the Job does")
	}
	if _, err := renderChart(map[string]any{"database": map[string]any{"migrate": false}}); err != nil {
		t.Errorf("SQLite with migrate false: %v", err)
	}
}

// TestChartPod checks what a platform team's admission policies ask of a
// pod (the restricted Pod Security Standard), the probes and the shutdown.
func TestChartPod(t *testing.T) {
	for name, vals := range map[string]map[string]any{
		"sqlite":      nil,
		"socket mode": {"slack": map[string]any{"appTokenKey": "app-token", "signingSecretKey": ""}, "database": map[string]any{"existingSecret": "db"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := render(t, vals)
			d := one[appsv1.Deployment](t, r, "Deployment")
			pod := d.Spec.Template.Spec
			if len(pod.Containers) != 1 {
				t.Fatalf("%d containers, want 1", len(pod.Containers))
			}
			c := pod.Containers[0]
			psc, sc := pod.SecurityContext, c.SecurityContext
			switch {
			case psc == nil || sc == nil:
				t.Fatal("no securityContext")
			case psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser != 65532:
				t.Errorf("pod runs as %v (non-root %v), want 65532, non-root", psc.RunAsUser, psc.RunAsNonRoot)
			case psc.SeccompProfile == nil || psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault:
				t.Errorf("seccomp profile %v, want RuntimeDefault", psc.SeccompProfile)
			case sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation:
				t.Error("container allows privilege escalation")
			case sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem:
				t.Error("container's root file system is writable")
			case sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(sc.Capabilities.Add) != 0:
				t.Errorf("capabilities %+v, want all dropped", sc.Capabilities)
			case pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken:
				t.Error("the pod mounts a service account token it never uses")
			}
			if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" || c.LivenessProbe == nil || c.LivenessProbe.HTTPGet.Path != "/livez" || c.StartupProbe == nil {
				t.Errorf("probes: readiness %+v, liveness %+v; want /readyz and /livez, and a startup probe", c.ReadinessProbe, c.LivenessProbe)
			}
			if c.Resources.Requests.Cpu().IsZero() || c.Resources.Limits.Memory().IsZero() {
				t.Errorf("resources %+v, want CPU requests and a memory limit", c.Resources)
			}
			e := env(c)
			// Every variable the chart sets is a factgrade setting, and no
			// secret is given as a value.
			for name, value := range e {
				if !slices.Contains(config.Names(), name) {
					t.Errorf("the chart sets %s, which factgrade does not read", name)
				}
				if slices.Contains(secretNames, name) {
					t.Errorf("the chart sets %s=%q; secrets go in files (%s_FILE)", name, value, name)
				}
			}
			for _, f := range []string{"SLACK_BOT_TOKEN_FILE"} {
				if secret, _ := mounted(t, pod, e[f]); secret != "factgrade-slack" {
					t.Errorf("%s is not from the Slack Secret", f)
				}
			}
			if name == "socket mode" && (e["SLACK_APP_TOKEN_FILE"] == "" || e["SLACK_SIGNING_SECRET_FILE"] != "") {
				t.Errorf("socket mode env %v, want SLACK_APP_TOKEN_FILE and no signing secret", e)
			}
			// The pod outlives the drain and the grace.
			drain, grace := seconds(t, e["FACTGRADE_SHUTDOWN_DRAIN"]), seconds(t, e["FACTGRADE_SHUTDOWN_GRACE"])
			if tg := *pod.TerminationGracePeriodSeconds; tg <= drain+grace {
				t.Errorf("terminationGracePeriodSeconds %d, want more than drain %d + grace %d", tg, drain, grace)
			}
			var instance string
			for _, v := range c.Env {
				if v.Name == "FACTGRADE_INSTANCE" && v.ValueFrom != nil && v.ValueFrom.FieldRef != nil {
					instance = v.ValueFrom.FieldRef.FieldPath
				}
			}
			if instance != "metadata.name" {
				t.Errorf("FACTGRADE_INSTANCE comes from %q, want the pod's name (metadata.name): its claims survive a restart in place", instance)
			}
			if e["FACTGRADE_DATA_DIR"] != "/data" {
				t.Errorf("FACTGRADE_DATA_DIR = %q, want /data", e["FACTGRADE_DATA_DIR"])
			}
			var writable []string
			for _, m := range c.VolumeMounts {
				if !m.ReadOnly {
					writable = append(writable, m.MountPath)
				}
			}
			if !slices.Equal(writable, []string{"/data", "/tmp"}) {
				t.Errorf("writable mounts %v, want /data and /tmp only", writable)
			}
		})
	}
}

// seconds parses the chart's "Ns" durations.
func seconds(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	if _, err := fmt.Sscanf(s, "%ds", &n); err != nil {
		t.Fatalf("duration %q: %v", s, err)
	}
	return n
}

// yamlToJSON re-encodes a decoded YAML document as JSON.
func yamlToJSON(m map[string]any) ([]byte, error) {
	return json.Marshal(m)
}
