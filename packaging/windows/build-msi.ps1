# Build Navigator.msi from the onedir bundle with the WiX 3 toolset (heat, candle, light).
# Usage: build-msi.ps1 -Bundle dist\Navigator -Version 0.1.0 -Out dist\Navigator.msi
param(
    [Parameter(Mandatory)] [string] $Bundle,
    [Parameter(Mandatory)] [string] $Version,
    [Parameter(Mandatory)] [string] $Out
)
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$work = Join-Path $env:RUNNER_TEMP "msi"
New-Item -ItemType Directory -Force $work | Out-Null
# -ag: component GUIDs fixed at build time from their paths, so upgrades match components
heat dir $Bundle -cg Payload -dr INSTALLDIR -srd -ag -sfrag -sreg -var var.SourceDir -out "$work\payload.wxs"
if ($LASTEXITCODE -ne 0) { throw "heat failed" }
candle -arch x64 -dVersion=$Version -dSourceDir=$Bundle -dExeName=Navigator.exe -out "$work\" "$here\navigator.wxs" "$work\payload.wxs"
if ($LASTEXITCODE -ne 0) { throw "candle failed" }
light -out $Out "$work\navigator.wixobj" "$work\payload.wixobj"
if ($LASTEXITCODE -ne 0) { throw "light failed" }
Write-Host "built $Out"
