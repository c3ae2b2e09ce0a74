# Sign with SHA-256 and an RFC 3161 timestamp (the signature stays valid after the
# certificate expires), then verify. Run it on the bundle before building the MSI (so the
# MSI carries signed files), then on the MSI.
# Usage: sign.ps1 -Path dist\Navigator -CertThumbprint <sha1> [-TimestampUrl <url>]
#        sign.ps1 -Path dist\Navigator.msi -CertThumbprint <sha1>
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $CertThumbprint,
    [string] $TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
if (Test-Path $Path -PathType Container) {
    # every executable, DLL and Python extension module in the bundle
    $targets = Get-ChildItem -Path $Path -Recurse -Include *.exe, *.dll, *.pyd | ForEach-Object FullName
} else {
    $targets = @((Resolve-Path $Path).Path)
}
foreach ($file in $targets) {
    signtool sign /fd SHA256 /tr $TimestampUrl /td SHA256 /sha1 $CertThumbprint $file
    if ($LASTEXITCODE -ne 0) { throw "signtool sign failed: $file" }
}
signtool verify /pa /all $targets
if ($LASTEXITCODE -ne 0) { throw "signtool verify failed" }
Write-Host "signed and verified $($targets.Count) files"
