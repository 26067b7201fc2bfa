# statmgr for .NET: build, test and publish on Windows (PowerShell 5.1 or 7).
# The same steps as the Makefile's build, test and publish targets, for the win-x64 runtime.
#   .\build.ps1                 build, publish out\publish\win-x64\statmgr.exe, run the tests
#   .\build.ps1 -SkipTests      build and publish only
#   .\build.ps1 -Configuration Debug
param(
    [string]$Configuration = "Release",
    [string]$Runtime = "win-x64",
    [switch]$SkipTests
)

$ErrorActionPreference = "Stop"
$env:DOTNET_CLI_TELEMETRY_OPTOUT = "1"
$env:DOTNET_NOLOGO = "1"
Set-Location -Path $PSScriptRoot

$testProject = "test/statmgr.Tests/statmgr.Tests.csproj"
$publishDir = "out/publish/$Runtime"

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE"
    }
}

Write-Host "== build"
Invoke-Dotnet build statmgr.csproj -c $Configuration --nologo -v q
Invoke-Dotnet build $testProject -c $Configuration --nologo -v q

Write-Host "== publish ($Runtime, self-contained trimmed single file)"
Invoke-Dotnet publish statmgr.csproj -c Release -r $Runtime --self-contained true `
    -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishTrimmed=true -o $publishDir --nologo -v q

$exe = Join-Path $publishDir "statmgr.exe"
$size = (Get-Item $exe).Length
Write-Host ("statmgr single-file binary: {0} ({1} bytes, {2:N1} MB)" -f $exe, $size, ($size / 1MB))

# After publishing: the tests in test/statmgr.Tests/Published run the published statmgr.exe, and
# the whole-process tests run once more against it (STATMGR_EXE), as `make test` does.
if (-not $SkipTests) {
    Write-Host "== test"
    Invoke-Dotnet test $testProject -c $Configuration --no-build --nologo
    Write-Host "== whole-process tests against $exe"
    $env:STATMGR_EXE = (Resolve-Path $exe).Path
    try {
        Invoke-Dotnet test $testProject -c $Configuration --no-build --nologo `
            --filter "Category=WholeProcess"
    }
    finally {
        Remove-Item Env:STATMGR_EXE
    }
}
