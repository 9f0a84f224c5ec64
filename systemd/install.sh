#!/usr/bin/env bash
# Installs ledtable as a system service on Raspberry Pi OS (64-bit, Bookworm or later).
# Safe to run again (after `git pull`, or to add --gpio-buttons): every step checks first.
#
# Usage: sudo systemd/install.sh [--dry-run] [--gpio-buttons] [--prefix DIR] [--audio-out KIND]
#   --dry-run        print every step and change nothing (no root needed)
#   --gpio-buttons   add the gpio-key overlays for 2 players x 8 arcade buttons (hardware/README.md)
#   --prefix DIR     install into DIR (default /opt/ledtable)
#   --audio-out KIND where sound goes (hardware/README.md, "Sound"): usb, hdmi, i2s-dac, analog
#                    (needs the LEDs on GPIO 10 or 21), or none (sound off); without it the
#                    config's "audio" is kept (default auto) and only the PWM conflict is handled
set -euo pipefail

DRY_RUN=0
GPIO_BUTTONS=0
PREFIX=/opt/ledtable
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG_DIR=/etc/ledtable
# The table's config; a test points this at a fake file, as it does MODEL_FILE below.
CONFIG_FILE="${LEDTABLE_CONFIG_FILE:-$CONFIG_DIR/config.json}"
DATA_DIR=/var/lib/ledtable
UNIT_FILE=/etc/systemd/system/ledtable.service
UPDATE_UNIT_FILE=/etc/systemd/system/ledtable-update.service
DROPIN_DIR=/etc/systemd/system/ledtable.service.d
ROOT_DROPIN="$DROPIN_DIR/ws281x-root.conf"
POLKIT_RULE=/etc/polkit-1/rules.d/50-ledtable.rules
SERVICE_USER=ledtable
# Device groups the service user joins when they exist (evdev, GPIO, SPI, serial, Pi 5 leds, hidraw, sound).
DEVICE_GROUPS=(input gpio spi dialout video plugdev audio)
UDEV_RULE=/etc/udev/rules.d/99-ledtable-leds.rules
# Where the board names itself; a test points this at a fake file.
MODEL_FILE="${LEDTABLE_MODEL_FILE:-/proc/device-tree/model}"
MIN_NODE=20
REBOOT_NEEDED=0
AUDIO_OUT=keep
AUDIO_KINDS="usb hdmi i2s-dac analog none"

# The gpio-key overlays: GPIO pin, key code, label. Key codes are the ones the default key map
# expects (the terminal simulator's keys): P1 arrows Z X Enter Esc, P2 W S A D F G E Q.
GPIO_KEYS=(
  "4 103 P1_UP" "17 108 P1_DOWN" "27 105 P1_LEFT" "22 106 P1_RIGHT"
  "5 44 P1_A" "6 45 P1_B" "13 28 P1_START" "26 1 P1_BACK"
  "23 17 P2_UP" "24 31 P2_DOWN" "25 30 P2_LEFT" "16 32 P2_RIGHT"
  "19 33 P2_A" "20 34 P2_B" "3 18 P2_START" "2 16 P2_BACK"
)
BEGIN_MARK="# ledtable gpio buttons: begin (systemd/install.sh --gpio-buttons)"
END_MARK="# ledtable gpio buttons: end"

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

while [ "$#" -gt 0 ]; do
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    --gpio-buttons) GPIO_BUTTONS=1 ;;
    --prefix)
      [ "$#" -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
      PREFIX="$2"
      shift
      ;;
    --audio-out)
      [ "$#" -ge 2 ] || { echo "install.sh: --audio-out needs one of: $AUDIO_KINDS" >&2; exit 2; }
      case " $AUDIO_KINDS " in
        *" $2 "*) AUDIO_OUT="$2" ;;
        *) echo "install.sh: --audio-out $2 is unknown; use one of: $AUDIO_KINDS" >&2; exit 2 ;;
      esac
      shift
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

step() { printf '\n== %s\n' "$*"; }
note() { printf '   %s\n' "$*"; }

# Runs a command, or prints it in a dry run.
run() {
  printf '   $ %s\n' "$*"
  if [ "$DRY_RUN" -eq 0 ]; then "$@"; fi
}

# A failed check stops a real install; a dry run reports it and goes on to show the rest.
fail() {
  if [ "$DRY_RUN" -eq 1 ]; then
    note "WOULD STOP HERE: $*"
  else
    echo "install.sh: $*" >&2
    exit 1
  fi
}

# Writes stdin to a file (mode $2), or shows it in a dry run (bash builtins only: no process).
write_file() {
  local path="$1" mode="$2" lines
  mapfile -t lines
  note "write $path (mode $mode):"
  printf '     | %s\n' "${lines[@]}"
  if [ "$DRY_RUN" -eq 0 ]; then
    printf '%s\n' "${lines[@]}" >"$path.tmp.$$"
    chmod "$mode" "$path.tmp.$$"
    mv "$path.tmp.$$" "$path"
  fi
}

boot_config() {
  if [ -f /boot/firmware/config.txt ]; then echo /boot/firmware/config.txt; else echo /boot/config.txt; fi
}

# The board model without its trailing NUL, or nothing.
board_model() {
  if [ -r "$MODEL_FILE" ]; then tr -d '\0' <"$MODEL_FILE"; fi
}

# A Raspberry Pi 5 (or CM5, Pi 500): its RP1 chip needs the kernel's ws2812-pio driver, not rpi-ws281x.
is_pi5() {
  case "$(board_model)" in
    # "Raspberry Pi 5"* also matches the Pi 500.
    "Raspberry Pi 5"* | "Raspberry Pi Compute Module 5"*) return 0 ;;
    *) return 1 ;;
  esac
}

step "Checks"
if [ "$(id -u)" -ne 0 ]; then fail "run as root: sudo $0"; fi
model="$(board_model)"
note "board: ${model:-unknown (no $MODEL_FILE)}"
if is_pi5; then note "Raspberry Pi 5: the LEDs use the kernel's ws2812-pio driver (--output leds:/dev/leds0)"; fi
bits="$(getconf LONG_BIT 2>/dev/null || echo unknown)"
machine="$(uname -m)"
note "system: $machine, $bits-bit userland"
if [ "$bits" != 64 ]; then
  fail "this needs the 64-bit Raspberry Pi OS (found a $bits-bit one); flash the 64-bit image with Raspberry Pi Imager"
elif [ "$machine" != aarch64 ]; then
  note "not an ARM board ($machine): installing anyway, but the ws281x output will not work here"
fi
if command -v node >/dev/null 2>&1; then
  node_version="$(node --version)"
  node_version="${node_version#v}"
  note "node $node_version"
  if [ "${node_version%%.*}" -lt "$MIN_NODE" ]; then
    fail "Node $MIN_NODE or newer is needed (found $node_version): curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash - && sudo apt-get install -y nodejs"
  fi
else
  fail "Node $MIN_NODE or newer is needed: curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash - && sudo apt-get install -y nodejs"
fi

step "System packages (build tools for rpi-ws281x-native; libusb and libudev for node-hid; aplay; polkit)"
missing=()
packages=(build-essential python3 libusb-1.0-0 libudev1 rsync alsa-utils polkitd)
# one dpkg-query for them all: "NAME STATUS" for each package dpkg knows (it exits 1 when one is unknown)
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null | awk '$2 == "installed" { print $1 }' || true)
for package in "${packages[@]}"; do
  if [[ $'\n'"$installed"$'\n' == *$'\n'"$package"$'\n'* ]]; then note "$package: installed"; else missing+=("$package"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  run apt-get update
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The service runs this code (games included): it must belong to root and be writable by
# nobody else, whatever owns the clone it comes from (rsync -a alone would keep the clone's owner).
step "Program files in $PREFIX (owned by root, not writable by others)"
if [ "$SOURCE" = "$PREFIX" ]; then
  fail "installing in place would leave the service's code writable by the clone's owner; install into another --prefix (default /opt/ledtable)"
fi
run mkdir -p "$PREFIX"
run rsync -a --delete --chown=root:root --chmod=go-w --exclude .git --exclude node_modules --exclude dist "$SOURCE/" "$PREFIX/"

# The commit the copy comes from, in $PREFIX/COMMIT: the table's UPDATE (ledtable-update.service)
# compares it with the clone's upstream. git runs as the clone's owner, never as root on
# another user's repository.
SOURCE_OWNER="$(stat -c %U "$SOURCE")"
source_git() {
  if [ "$SOURCE_OWNER" = root ] || [ "$SOURCE_OWNER" = "$(id -un)" ]; then
    git -C "$SOURCE" "$@"
  else
    runuser -u "$SOURCE_OWNER" -- git -C "$SOURCE" "$@"
  fi
}
if [ -e "$SOURCE/.git" ] && command -v git >/dev/null 2>&1 && commit="$(source_git rev-parse HEAD 2>/dev/null)"; then
  upstream="$(source_git rev-parse --abbrev-ref 'HEAD@{upstream}' 2>/dev/null || echo none)"
  note "from commit $commit of $SOURCE (owner $SOURCE_OWNER; UPDATE follows $upstream)"
  if [ "$upstream" = none ]; then note "the checked-out branch follows no remote branch: UPDATE will say so (git branch --set-upstream-to=origin/main)"; fi
  write_file "$PREFIX/COMMIT" 0644 <<<"$commit"
else
  note "$SOURCE is not a git clone: the table's UPDATE cannot fetch anything (update by hand and run this again)"
fi

step "Dependencies and build"
run npm --prefix "$PREFIX" ci --no-audit --no-fund
# The build also links package.json, assets/, web/ and docs/ into dist/ (scripts/link-dist.mjs).
run npm --prefix "$PREFIX" run build
run chown -R root:root "$PREFIX"
run chmod -R go-w "$PREFIX"
if [ "$DRY_RUN" -eq 0 ]; then
  writable="$(find "$PREFIX" \( ! -user root -o -perm /022 \) -print -quit)"
  if [ -n "$writable" ]; then fail "$writable is not owned by root or is writable by others; fix it and run again"; fi
  note "every file in $PREFIX belongs to root and is writable by root only"
fi

step "Config $CONFIG_FILE"
run mkdir -p "$CONFIG_DIR"
if [ -e "$CONFIG_FILE" ]; then
  note "kept (already there)"
elif is_pi5; then
  write_file "$CONFIG_FILE" 0644 <<'JSON'
{
  "output": ["leds:/dev/leds0"],
  "ws281xGpio": 18,
  "brightness": 60
}
JSON
else
  write_file "$CONFIG_FILE" 0644 <<'JSON'
{
  "output": ["ws281x"],
  "ws281xGpio": 18,
  "brightness": 60,
  "web": "8080"
}
JSON
fi

step "Data directory $DATA_DIR"
run install -d -m 0700 "$DATA_DIR"
note "systemd gives it to the user the service runs as (StateDirectory=)"

step "Service user $SERVICE_USER"
if id "$SERVICE_USER" >/dev/null 2>&1; then
  note "already there"
else
  run useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVICE_USER"
fi
# one getent for them all: a line "name:x:gid:members" for each group that exists
while IFS=: read -r group _; do
  run usermod -aG "$group" "$SERVICE_USER"
done < <(getent group "${DEVICE_GROUPS[@]}" 2>/dev/null || true)

step "SHUT DOWN, REBOOT and UPDATE for $SERVICE_USER (polkit rule $POLKIT_RULE)"
run mkdir -p "$(dirname "$POLKIT_RULE")"
write_file "$POLKIT_RULE" 0644 <"$SOURCE/systemd/ledtable-power.rules"

# What the config says about the LEDs, read once (one node start) after the Config step; without
# a config yet (a dry run) the default one is read: ws281x on GPIO 18, 20 x 15. Sets
#   LED_PIN      the ws281x data pin, or none: PWM (18, 12) is what the on-board analogue audio
#                uses, PCM (21) is what an I2S DAC uses, SPI (10) conflicts with neither
#   LED_ROOT     1 when ws281x on PWM or PCM maps /dev/mem and needs root; everything else (SPI on
#                GPIO 10, Pi 5 leds:, serial, network, terminal) runs as the unprivileged user
#   LED_OVERLAY  the Pi 5 ws2812-pio line: the GPIO, width x height LEDs, and rgbw when an RGBW
#                strip order (ledsOrder, ?order=) or strip type is configured
read_led_config() {
  local file="$CONFIG_FILE" facts
  local defaults="18 1 dtoverlay=ws2812-pio,gpio=18,num_leds=300" # what the default config gives
  [ -e "$file" ] || file=/dev/null
  # shellcheck disable=SC2016 # the ${...} are JavaScript template literals, not shell
  if ! command -v node >/dev/null 2>&1; then
    facts="$defaults"
  elif ! facts="$(node -e '
      const text = require("fs").readFileSync(process.argv[1], "utf8").trim();
      let c = { output: ["ws281x"], ws281xGpio: 18 };
      try {
        if (text) c = JSON.parse(text);
      } catch (error) {
        console.log(error.message);
        process.exit(1);
      }
      const outputs = [].concat(c.output ?? ["auto"]).join(",");
      const ws281x = outputs.split(",").map((o) => o.trim()).includes("ws281x");
      const pin = c.ws281xGpio ?? 18;
      const rgbw = /order=[rgb]*w/i.test(outputs) || /w/i.test(c.ledsOrder ?? "") || /^sk6812-...w$/.test(c.ws281xStrip ?? "");
      const leds = (c.width ?? 20) * (c.height ?? 15);
      console.log(ws281x ? pin : "none", ws281x && pin !== 10 ? 1 : 0,
        `dtoverlay=ws2812-pio,gpio=${pin},num_leds=${leds}${rgbw ? ",rgbw" : ""}`);
    ' "$file")"; then
    fail "$CONFIG_FILE is not valid JSON ($facts): fix it or move it aside, then run this again"
    facts="$defaults"
  fi
  read -r LED_PIN LED_ROOT LED_OVERLAY <<<"$facts"
}

# Sets one dtparam/dtoverlay line in config.txt: replaces a line starting with $1, else appends $2.
set_boot_line() {
  local prefix="$1" line="$2"
  if grep -qxF "$line" "$BOOT_CONFIG" 2>/dev/null; then
    note "already: $line"
  elif grep -q "^$prefix" "$BOOT_CONFIG" 2>/dev/null; then
    run sed -i "s|^$prefix.*|$line|" "$BOOT_CONFIG"
    REBOOT_NEEDED=1
  else
    note "append: $line"
    if [ "$DRY_RUN" -eq 0 ]; then echo "$line" >>"$BOOT_CONFIG"; fi
    REBOOT_NEEDED=1
  fi
}

# Writes "audio": $1 into the config file (other keys kept).
set_config_audio() {
  note "config: \"audio\": \"$1\""
  if [ "$DRY_RUN" -eq 0 ]; then
    node -e '
      const fs = require("fs");
      const [file, audio] = process.argv.slice(1);
      const c = JSON.parse(fs.readFileSync(file, "utf8"));
      c.audio = audio;
      fs.writeFileSync(file + ".tmp", JSON.stringify(c, null, 2) + "\n");
      fs.renameSync(file + ".tmp", file);
    ' "$CONFIG_FILE" "$1"
  fi
}

# The ALSA id of the first USB sound card (from /proc/asound/cards), or nothing.
usb_card() {
  { sed -n 's/^ *[0-9]* \[\([^ ]*\) *\]: USB-Audio.*/\1/p' /proc/asound/cards 2>/dev/null || true; } | head -n 1
}

BOOT_CONFIG="$(boot_config)"
read_led_config
PIN="$LED_PIN"
# The Pi 5 drives the LEDs through PIO on any GPIO: nothing shared with audio.
if is_pi5; then PIN=none; fi
step "Sound: $AUDIO_OUT (LEDs on GPIO $PIN; $BOOT_CONFIG)"
case "$PIN" in
  18 | 12) note "the LEDs use PWM: the on-board analogue audio must stay off" ;;
  21) note "the LEDs use PCM: an I2S DAC cannot be used" ;;
esac
case "$AUDIO_OUT" in
  analog)
    if [ "$PIN" = 18 ] || [ "$PIN" = 12 ]; then
      fail "analogue audio shares PWM with the LEDs on GPIO $PIN: set \"ws281xGpio\": 10 (SPI) or 21 (PCM) in $CONFIG_FILE and rewire DIN, or pick --audio-out usb, hdmi or i2s-dac"
    fi
    set_boot_line 'dtparam=audio=' 'dtparam=audio=on'
    set_config_audio 'alsa:default:CARD=Headphones'
    ;;
  i2s-dac)
    if [ "$PIN" = 18 ] || [ "$PIN" = 21 ]; then
      fail "an I2S DAC uses GPIO 18-21 (PCM): move the LEDs to \"ws281xGpio\": 10 (SPI) or 12 (PWM) in $CONFIG_FILE, or pick --audio-out usb or hdmi"
    fi
    if [ "$GPIO_BUTTONS" -eq 1 ]; then
      fail "an I2S DAC uses GPIO 19 and 20, which --gpio-buttons gives to P2 A and B: edit the pins in hardware/README.md, or pick --audio-out usb or hdmi"
    fi
    set_boot_line 'dtparam=audio=' 'dtparam=audio=off'
    set_boot_line 'dtoverlay=hifiberry-dac' 'dtoverlay=hifiberry-dac'
    set_config_audio 'alsa:default:CARD=sndrpihifiberry'
    ;;
  usb | hdmi | none | keep)
    if [ "$PIN" = 18 ] || [ "$PIN" = 12 ]; then set_boot_line 'dtparam=audio=' 'dtparam=audio=off'; fi
    if [ "$AUDIO_OUT" = usb ]; then
      card="$(usb_card)"
      if [ -n "$card" ]; then
        set_config_audio "alsa:plughw:CARD=$card,DEV=0"
      else
        note "no USB sound card found now (plug it in and run this again); sound: the default ALSA device"
        set_config_audio 'alsa'
      fi
    elif [ "$AUDIO_OUT" = hdmi ]; then
      set_config_audio 'alsa:default:CARD=vc4hdmi0'
    elif [ "$AUDIO_OUT" = none ]; then
      set_config_audio 'off'
    fi
    ;;
esac

if is_pi5; then
  step "Raspberry Pi 5 LED driver (ws2812-pio overlay in $BOOT_CONFIG, udev rule)"
  overlay="$LED_OVERLAY"
  if grep -q '^dtoverlay=ws2812-pio' "$BOOT_CONFIG" 2>/dev/null; then
    note "already there: $(grep '^dtoverlay=ws2812-pio' "$BOOT_CONFIG" | head -n 1) (wanted: $overlay)"
  else
    note "append: $overlay"
    if [ "$DRY_RUN" -eq 0 ]; then printf '\n%s\n' "$overlay" >>"$BOOT_CONFIG"; fi
    REBOOT_NEEDED=1
  fi
  # The driver's class is ws2812-pio-rp1; the gpio group may write frames without root.
  write_file "$UDEV_RULE" 0644 <<'RULE'
SUBSYSTEM=="ws2812-pio-rp1", KERNEL=="leds[0-9]*", GROUP="gpio", MODE="0660"
RULE
  run udevadm control --reload-rules
fi

if [ "$GPIO_BUTTONS" -eq 1 ]; then
  step "GPIO buttons (gpio-key overlays in $BOOT_CONFIG)"
  if grep -qxF "$BEGIN_MARK" "$BOOT_CONFIG" 2>/dev/null; then
    note "already there (edit the block between the ledtable marks to change pins)"
  else
    block="$BEGIN_MARK"
    for entry in "${GPIO_KEYS[@]}"; do
      read -r pin code label <<<"$entry"
      block+=$'\n'"dtoverlay=gpio-key,gpio=$pin,keycode=$code,label=$label,gpio_pull=up"
    done
    block+=$'\n'"$END_MARK"
    note "append:"
    printf '%s\n' "$block" | sed 's/^/     | /'
    if [ "$DRY_RUN" -eq 0 ]; then printf '\n%s\n' "$block" >>"$BOOT_CONFIG"; fi
    REBOOT_NEEDED=1
  fi
fi

step "Service $UNIT_FILE"
write_file "$UNIT_FILE" 0644 < <(sed "s#/opt/ledtable#$PREFIX#g" "$SOURCE/systemd/ledtable.service")
if [ "$LED_ROOT" -eq 1 ]; then
  note "ws281x on PWM or PCM needs /dev/mem: the service runs as root"
  run mkdir -p "$DROPIN_DIR"
  write_file "$ROOT_DROPIN" 0644 <"$SOURCE/systemd/ws281x-root.conf"
else
  note "the outputs need no root: the service runs as $SERVICE_USER"
  if [ -e "$ROOT_DROPIN" ]; then run rm -f "$ROOT_DROPIN"; fi
fi
step "Updater $UPDATE_UNIT_FILE (started by the table's UPDATE, never at boot)"
write_file "$UPDATE_UNIT_FILE" 0644 < <(sed -e "s#^ReadWritePaths=/opt\$#ReadWritePaths=$(dirname "$PREFIX")#" \
  -e "s#/opt/ledtable#$PREFIX#g" -e "s#/home/pi/ledtable#$SOURCE#g" "$SOURCE/systemd/ledtable-update.service")
note "progress and result: $DATA_DIR/update.json (journalctl -u ledtable-update); the previous version stays in $PREFIX.previous"
run systemctl daemon-reload
run systemctl enable ledtable.service
run systemctl restart ledtable.service

step "Done"
note "logs:     journalctl -u ledtable -f"
note "settings: $CONFIG_FILE (then: sudo systemctl restart ledtable)"
if [ "$REBOOT_NEEDED" -eq 1 ]; then note "reboot once for the $BOOT_CONFIG changes: sudo reboot"; fi
if [ "$DRY_RUN" -eq 1 ]; then note "dry run: nothing was changed"; fi
