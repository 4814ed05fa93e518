// The Kubernetes deployment files (jupyter-config/k8s/): the Zero to JupyterHub values parse
// as YAML (Python's yaml, in the project venv) and say what docs/k8s.md says; they agree with
// the one-machine hub's configuration where both set the same thing; the files they and the
// Dockerfile name exist; and the per-student resources cover what the load test measured.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const K8S = join(ROOT, "jupyter-config", "k8s");
const valuesText = readFileSync(join(K8S, "values.yaml"), "utf8");
const values = JSON.parse(execFileSync(join(ROOT, ".venv", "bin", "python"), ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], { input: valuesText, encoding: "utf8" }));
const hubConfig = readFileSync(join(ROOT, "jupyter-config", "hub", "jupyterhub_config.py"), "utf8");
const dockerfile = readFileSync(join(K8S, "Dockerfile"), "utf8");
const measured = JSON.parse(readFileSync(join(K8S, "load-measurements.json"), "utf8"));

/** Kubernetes quantities in bytes (512M, 1G, 1Gi) or cores (0.1, 250m). */
function quantity(text) {
  const match = /^([\d.]+)(m|k|M|G|Ki|Mi|Gi)?$/.exec(String(text));
  assert.ok(match, `not a Kubernetes quantity: ${text}`);
  const factor = { undefined: 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[match[2]];
  return Number(match[1]) * factor;
}

test("the values pin the chart, the hub database is PostgreSQL and the service's keys come from Secrets", () => {
  assert.match(valuesText, /^# Chart: jupyterhub 4\.4\.0 /m, "the chart version is named in the header");
  assert.match(valuesText, /--version 4\.4\.0/, "and pinned in the install command");
  assert.equal(values.hub.db.type, "postgres");
  assert.match(values.hub.db.url, /^postgresql\+psycopg2:\/\/[^:@]+@/, "a PostgreSQL URL without a password in it");
  const service = values.hub.extraContainers.find((container) => container.name === "pmxlab-service");
  const env = Object.fromEntries(service.env.map((e) => [e.name, e]));
  for (const name of ["PMXLAB_DATABASE_URL", "PMXLAB_LLM_API_KEY", "JUPYTERHUB_API_TOKEN"]) {
    assert.ok(env[name]?.valueFrom?.secretKeyRef, `${name} comes from a Secret`);
  }
  assert.equal(values.hub.services.pmxlab.url, `http://hub:${service.ports[0].containerPort}`, "the hub reaches the service's container");
  assert.ok(values.hub.loadRoles["pmxlab-service"].services.includes("pmxlab"));
  assert.doesNotMatch(JSON.stringify(values.singleuser), /LLM|secretKeyRef/, "no key in a student's pod");
});

test("the values agree with the one-machine hub: sharing scopes, password rules, culling", () => {
  const userRole = /\{"name": "user", "scopes": (\[[^\]]*\])\}/.exec(hubConfig);
  assert.ok(userRole, "jupyterhub_config.py declares the user role");
  assert.deepEqual(values.hub.loadRoles.user.scopes, JSON.parse(userRole[1]));
  for (const setting of ["minimum_password_length", "allowed_failed_logins", "seconds_before_next_try"]) {
    const local = new RegExp(`PmxlabAuthenticator\\.${setting} = (\\d+)`).exec(hubConfig);
    assert.ok(local, `${setting} is set in jupyterhub_config.py`);
    assert.equal(values.hub.config.ClassAuthenticator[setting], Number(local[1]), setting);
  }
  assert.equal(values.hub.config.ClassAuthenticator.check_common_password, true);
  const cullDefault = /PMXLAB_HUB_CULL_TIMEOUT', '(\d+)'/.exec(hubConfig);
  assert.equal(values.cull.enabled, true);
  assert.equal(values.cull.timeout, Number(cullDefault[1]), "the same idle timeout");
});

test("the files the values and the Dockerfile name exist", () => {
  const setFile = /--set-file hub\.extraFiles\.([\w-]+)\.stringData=(\S+)/.exec(valuesText);
  assert.ok(setFile, "the install command mounts the authenticator");
  assert.ok(values.hub.extraFiles[setFile[1]], `extraFiles.${setFile[1]} is declared`);
  const authenticator = readFileSync(join(ROOT, setFile[2]), "utf8");
  for (const name of /from pmxlab_hub import ([\w, ]+)/.exec(values.hub.extraConfig.pmxlab)[1].split(", ")) {
    assert.match(authenticator, new RegExp(`^(class ${name}\\b|${name} = )`, "m"), `${setFile[2]} defines ${name}`);
  }
  assert.ok(existsSync(join(K8S, "Dockerfile.dockerignore")));
  for (const path of ["scripts/setup.sh", "requirements.txt", "requirements-hub.txt", "package-lock.json", "courses", "jupyter-config/lab/settings", "server/src/main.ts"]) {
    assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
  }
  for (const inImage of dockerfile.matchAll(/\/opt\/pmxlab\/([\w./-]+)/g)) {
    const path = inImage[1].replace(/^server\/dist\/main\.js$/, "server/src/main.ts").replace(/^node_modules.*|^\.venv.*/, "package.json");
    assert.ok(existsSync(join(ROOT, path)), `the image's /opt/pmxlab/${inImage[1]} comes from the repository's ${path}`);
  }
  assert.match(dockerfile, /mv courses \/opt\/instructor\/courses/, "the courses (with solutions) leave the student image");
  assert.equal(values.singleuser.image.name.endsWith("/singleuser"), true);
  assert.equal(values.hub.extraContainers[0].image.includes("/service:"), true);
});

test("each student's guarantee and limit cover the memory the load test measured", () => {
  const { memory, cpu } = values.singleuser;
  const largest = measured.steps.find((step) => step.students === measured.largestN);
  assert.ok(largest && measured.largestN >= 2, `the measurements reach N = ${measured.largestN}`);
  const median = largest.memoryPerStudentMiB.pssMedian;
  const max = Math.max(...measured.steps.map((step) => step.memoryPerStudentMiB.pssMax));
  assert.ok(quantity(memory.guarantee) >= median * 1024 ** 2, `guarantee ${memory.guarantee} ≥ measured median ${median} MiB`);
  assert.ok(quantity(memory.limit) >= 1.5 * max * 1024 ** 2, `limit ${memory.limit} ≥ 1.5 × measured max ${max} MiB`);
  assert.ok(quantity(memory.guarantee) <= quantity(memory.limit));
  assert.ok(quantity(cpu.guarantee) <= quantity(cpu.limit));
});
