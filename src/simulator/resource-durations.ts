/**
 * Every default duration of the simulator, with the public evidence it rests on. Durations are
 * simulated milliseconds, divided by the `timeScale` option. "CLI example" means a real response
 * printed in github.com/aws/aws-cli under awscli/examples/lightsail/ (statusChangedAt − createdAt
 * of a finished operation); "dev guide" means github.com/awsdocs/amazon-lightsail-developer-guide
 * doc_source/ (the published Lightsail Developer Guide). Where nothing public was found, the
 * comment says so and the value is a conservative choice. These are the exact durations; the
 * distributions the `varyDurations` option draws from (medians and spreads) are in `duration-model.ts`.
 */

/** Simulated durations (ms, before `timeScale`) of the operation types the simulator models. */
export const DEFAULT_DURATIONS_MS: Readonly<Record<string, number>> = Object.freeze({
  // CLI example get-operations.rst: a CreateInstance took 17.9 s (1571679872.404 → 1571679890.304).
  CreateInstance: 20_000,
  // No public measurement; the same order as a create.
  StartInstance: 20_000,
  // No public measurement.
  StopInstance: 15_000,
  // No public measurement.
  CreateDisk: 10_000,
  // No public measurement (attach-disk.rst shows it answered Started).
  AttachDisk: 8_000,
  // No public measurement; taken equal to AttachDisk. The SDK documents DetachDisk as answered with operations.
  DetachDisk: 8_000,
  // Dev guide amazon-lightsail-creating-a-database.md: "Within minutes, your Lightsail database is ready".
  // Lightsail databases run on RDS (get-relational-database.rst: masterEndpoint *.rds.amazonaws.com), whose
  // creates users report as creating → modifying → backing up over many minutes (hashicorp/terraform#2886).
  // No Lightsail measurement: 10 min for the `creating` phase.
  CreateRelationalDatabase: 600_000,
  // No public measurement of a Lightsail database delete; 2 min.
  DeleteRelationalDatabase: 120_000,
  // No public measurement (delete-relational-database.rst shows the final snapshot answered Started).
  CreateRelationalDatabaseSnapshot: 120_000,
  // No public measurement; an ALB is answered while still `provisioning` (hashicorp/terraform#10386). 1 min.
  CreateLoadBalancer: 60_000,
  // CLI example get-operations-for-resource.rst: 15.7 s and 67.5 s (1571678782.784 → 1571678798.465,
  // 1571678775.297 → 1571678842.806); the middle of that range.
  AttachInstancesToLoadBalancer: 40_000,
  // CLI examples get-operations.rst and get-operations-for-resource.rst: 300.3 s and 301.5 s, the ELB
  // default deregistration delay of 300 s.
  DetachInstancesFromLoadBalancer: 300_000,
  // No public measurement of the operation itself (the status is what takes long, see DISTRIBUTION_DEPLOY_MS).
  CreateDistribution: 20_000,
  // No public measurement; as CreateDistribution.
  UpdateDistribution: 20_000,
});

/** Durations of resource phases that are not operations, in ms before `timeScale`. */
export interface ResourceDurations {
  /** From `running` to `publicIpAddress` being set. */
  readonly publicIpDelayMs: number;
  /** How long a deleted disk answers `state: "deleting"` before `GetDisk` says not found. */
  readonly diskDeletingMs: number;
  /** How long a database stays `backing-up` after its create operation succeeded, before `available`. */
  readonly databaseBackupMs: number;
  /** How long a load balancer stays `provisioning` after its create operation succeeded, before `active`. */
  readonly loadBalancerActiveMs: number;
  /** How long an attached instance stays `initial` (`Lb.InitialHealthChecking`) after its attach succeeded. */
  readonly healthCheckMs: number;
  /** From creation to a load balancer TLS certificate's domains validated and the certificate `ISSUED`. */
  readonly lbCertificateValidationMs: number;
  /** From creation to the first domain of a Lightsail certificate validated (`SUCCESS`). */
  readonly certificateFirstDomainMs: number;
  /** Between the validation of two successive domains of a Lightsail certificate. */
  readonly certificateDomainStaggerMs: number;
  /** From creation to `VALIDATION_TIMED_OUT` for a certificate made to time out. */
  readonly certificateValidationTimeoutMs: number;
  /** From a distribution's create or update to its `status` being `Deployed`. */
  readonly distributionDeployMs: number;
  /** How long a new container service stays `PENDING` before `READY` (or before its first deployment starts). */
  readonly containerServiceCreateMs: number;
  /** How long `UpdateContainerService` keeps the service `UPDATING` (capacity, domains, disable, enable). */
  readonly containerServiceUpdateMs: number;
  /** How long a deleted container service answers `DELETING` before `GetContainerServices` says not found. */
  readonly containerServiceDeletingMs: number;
  /** The `CREATING_DEPLOYMENT` phase of a container service deployment. */
  readonly containerDeploymentCreateMs: number;
  /** The `EVALUATING_HEALTH_CHECK` phase of a deployment; a failing deployment ends `FAILED` when it ends. */
  readonly containerHealthCheckMs: number;
  /** The `ACTIVATING_DEPLOYMENT` phase of a deployment, after which it is `ACTIVE`. */
  readonly containerActivationMs: number;
  /** How long `GetContainerLog` keeps log events. */
  readonly containerLogRetentionMs: number;
}

/** The default `ResourceDurations`. */
export const DEFAULT_RESOURCE_DURATIONS_MS: ResourceDurations = Object.freeze({
  // The gap exists ("Lightsail can report state=running before assigning a public IP address",
  // github.com/OpenRouterLabs/spawn/pull/2746; ansible/ansible#68104 "does not return the public ip
  // address most of the time"), but nobody published its length: 5 s.
  publicIpDelayMs: 5_000,
  // SDK DeleteDiskCommand doc: "The disk may remain in the deleting state for several minutes". 3 min.
  diskDeletingMs: 180_000,
  // That a new database is `backing-up` right after its create: a public runbook (GitHub code search
  // "janken-card-db") met terraform's "unexpected state 'backing-up', wanted target 'available'" and says a
  // database is `backing-up` right after creation or during automatic backups, and to wait a few minutes for
  // `available`. How long that first backup lasts is unpublished; the one measured backup is a routine one,
  // of a database created 5 days before (CLI examples get-relational-database-events.rst: "Backing up
  // Relational Database" at 1571654146.553, "Finished Relational Database backup" at 1571654249.98, 103 s;
  // get-relational-database.rst: createdAt 1571259453.795). 100 s.
  databaseBackupMs: 100_000,
  // No public measurement (see CreateLoadBalancer): 1 min after the operation.
  loadBalancerActiveMs: 60_000,
  // Dev guide understanding-lightsail-load-balancer-health-checking.md: health checking "starts as soon as
  // you attach your Lightsail instances ... and it occurs every 30 seconds thereafter": one interval.
  healthCheckMs: 30_000,
  // CLI example get-load-balancer-tls-certificates.rst: createdAt 1571678025.3, issuedAt 1571678070.0 (45 s).
  lbCertificateValidationMs: 45_000,
  // Dev guide amazon-lightsail-validating-a-distribution-certificate.md: "After a few minutes, you should
  // see if the status of your distribution certificate has changed to Valid" (DNS records in place). 3 min.
  certificateFirstDomainMs: 180_000,
  // No public measurement of domains validating one after another: 1 min apart.
  certificateDomainStaggerMs: 60_000,
  // Dev guide create-tls-ssl-certificate-and-attach-to-lightsail-load-balancer-https.md: "You have 72 hours
  // to verify that you own your domain".
  certificateValidationTimeoutMs: 72 * 3_600_000,
  // A Lightsail distribution is a CloudFront distribution. Reports range from "15 to 20 minutes, roughly"
  // (hashicorp/terraform#8749, 2016) to terraform-provider-aws guarding its Lightsail distribution test as
  // running "longer than 300s" (internal/service/lightsail/distribution_test.go). 10 min.
  distributionDeployMs: 600_000,
  // terraform-provider-aws PR #20625 (the AWS-contributed container service resource) reports several
  // acceptance runs, each creating and deleting a service: TestAccAWSLightsailContainerService_basic 85.06 s,
  // later TestAccContainerService_basic 341.23 s and TestAccContainerService_disappears 61.73 s; none times the
  // create alone. Dev guide amazon-lightsail-creating-container-services.md: "After a few moments, the status
  // of your service changes to Ready". 1 min, under the shortest run.
  containerServiceCreateMs: 60_000,
  // Dev guide amazon-lightsail-changing-container-service-capacity.md: "Updating. After a few moments, the
  // status ... changes to Enabled"; a public Lightsail runbook (GitHub code search, "Lightsail Deploy Runbook —
  // Bonum services") saw UPDATING/PROVISIONING_SERVICE "for a few minutes" after enabling ECR access. 2 min.
  containerServiceUpdateMs: 120_000,
  // Dev guide amazon-lightsail-creating-container-services.md: Deleting is the state "only for a brief moment".
  // No measurement: 10 s.
  containerServiceDeletingMs: 10_000,
  // The three deployment phases add up to 5 min: the Bonum runbook above measured "~5 min floor of Lightsail
  // blue/green (ACTIVATING) that no workflow change can reduce". Their split is not published: 90 s, 2 min, 90 s.
  containerDeploymentCreateMs: 90_000,
  containerHealthCheckMs: 120_000,
  containerActivationMs: 90_000,
  // Dev guide amazon-lightsail-viewing-container-service-container-logs.md: "The latest three days of log
  // entries are stored".
  containerLogRetentionMs: 3 * 86_400_000,
});

/** Duration (ms, before `timeScale`) of an operation type missing from both `durations` and the defaults. */
export const FALLBACK_DURATION_MS = 10_000;
