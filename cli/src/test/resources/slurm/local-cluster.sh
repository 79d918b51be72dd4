#!/usr/bin/env bash
# A throw-away single-node Slurm cluster on loopback, for the tests of 'overlaysim slurm'.
#   local-cluster.sh start DIR   writes DIR/slurm.conf and a munge key, starts munged, slurmctld and
#                                slurmd (as root, in the foreground under nohup) with every file in
#                                DIR, and waits until the node is idle. Clients then need
#                                SLURM_CONF=DIR/slurm.conf.
#   local-cluster.sh stop DIR    stops the three daemons by the pids they wrote in DIR.
# Nothing outside DIR is touched: no /etc/slurm, no /run/munge, no system service.
set -euo pipefail
cmd="${1:?start|stop}"
dir="$(mkdir -p "${2:?DIR}" && cd "$2" && pwd)"

# A loopback port nobody listens on (a refused connection), drawn at random.
free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "local-cluster.sh: no free loopback port" >&2
  return 1
}

stop() {
  # Jobs still running (a failed test) end first, so no slurmstepd outlives its slurmd.
  if [ -f "$dir/slurmctld.pid" ]; then
    SLURM_CONF="$dir/slurm.conf" timeout 10 scancel -u "$(id -un)" 2>/dev/null || true
    sleep 0.5
  fi
  for name in slurmd slurmctld munged; do
    if [ -f "$dir/$name.pid" ]; then
      pid="$(cat "$dir/$name.pid")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/$name.pid"
    fi
  done
}

start() {
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
  chmod 700 "$dir/munge"
  # munged refuses a key readable by others; 1 KiB of randomness is what mungekey makes.
  head -c 1024 /dev/urandom > "$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munge/munged.log" \
    --seed-file="$dir/munge/munged.seed"
  local ctld_port slurmd_port
  ctld_port="$(free_port)"
  slurmd_port="$(free_port)"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=overlaysim-test
SlurmctldHost=$(uname -n | cut -d. -f1)(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
MailProg=/bin/true
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -i -f "$SLURM_CONF"
  slurmd -N localhost -f "$SLURM_CONF"
  for _ in $(seq 150); do
    if sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^idle'; then
      echo "SLURM_CONF=$SLURM_CONF"
      return 0
    fi
    sleep 0.2
  done
  echo "local-cluster.sh: the node did not become idle in 30 s; logs in $dir" >&2
  tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
  stop
  return 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
