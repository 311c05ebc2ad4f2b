#!/usr/bin/env bash
# The Littlest JupyterHub (TLJH 2) for a class taking this course, on one machine.
#
# 1. Install TLJH on a fresh Ubuntu server as its guide says, naming yourself the admin:
#        curl -L https://tljh.jupyter.org/bootstrap.py | sudo python3 - --admin <teacher-login>
# 2. Clone this repository on the server and run, from the clone:
#        sudo bash deploy/tljh/setup.sh <repo-url>
#    It installs the course into the students' shared environment, sets per-student limits and
#    idle culling, and prints the nbgitpuller link to send to students.
#
# Sizes come from tests/test_hub.py (make test-hub): a student's server about 150-165 MB, each open
# lesson's kernel about 80 MB, 3-5 CPU-seconds from login to the first saved answer. TLJH runs every
# student as their own system user (jupyter-<name>) with a private home, so students cannot read one
# another's files or progress even from a terminal.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO_URL="${1:?usage: sudo bash deploy/tljh/setup.sh <repo-url> (the address the course is cloned from)}"
USER_ENV=/opt/tljh/user
if [ ! -x "$USER_ENV/bin/python" ] || ! command -v tljh-config >/dev/null 2>&1; then
    echo "TLJH is not installed here (no $USER_ENV/bin/python or tljh-config): install it first (step 1 above)." >&2
    exit 1
fi

# The course, its pinned dependencies (nbgitpuller included) and its JupyterLab defaults.
"$USER_ENV/bin/python" -m pip install --no-cache-dir -r binder/requirements.txt
"$USER_ENV/bin/python" -m pip install --no-cache-dir --no-deps .
mkdir -p "$USER_ENV/share/jupyter/lab/settings" "$USER_ENV/etc/jupyter/jupyter_server_config.d"
cp binder/overrides.json "$USER_ENV/share/jupyter/lab/settings/overrides.json"
# Stop kernels left idle for half an hour inside a running server.
cat > "$USER_ENV/etc/jupyter/jupyter_server_config.d/spasmcourse-culling.json" <<'JSON'
{"MappingKernelManager": {"cull_idle_timeout": 1800, "cull_interval": 300, "cull_connected": false}}
JSON

# Per student: 1 GB and one core at most (measured need: about 250 MB with one lesson open).
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1
tljh-config set user_environment.default_app jupyterlab
# Stop servers idle for an hour; homes and progress stay.
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300
tljh-config reload

"$USER_ENV/bin/python" - "$REPO_URL" <<'PY'
import sys
from urllib.parse import urlencode

repo = sys.argv[1]
folder = repo.rstrip("/").split("/")[-1]
query = urlencode({"repo": repo, "branch": "main", "urlpath": f"lab/tree/{folder}/notebooks/00-start-here.ipynb"})
print(f"Send students: https://<your-hub>/hub/user-redirect/git-pull?{query}")
PY
