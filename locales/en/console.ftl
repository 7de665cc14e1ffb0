# The staff console's navigation.
nav-console = Console
console-nav-label = Staff console
console-dashboard = Dashboard
console-users = Users
console-reports = Reports
console-staff = Staff accounts
console-hubs = Country hubs
