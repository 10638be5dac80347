/**
 * The pack the browser editor offers under "Start from template": small, valid with no warnings (a unit test
 * checks it with parsePack), and commented so an instructor can change it without opening the docs first.
 */
export const EDITOR_TEMPLATE_ID = 'my-class-pack';

export const EDITOR_TEMPLATE = `# A question pack, format 1. Every field is described in docs/authoring-packs.md.
# Keep the id the same in later versions and raise the version: learners keep their progress.
format: 1
id: ${EDITOR_TEMPLATE_ID}
title: My class pack
version: 1.0.0
author: Your name
license: CC-BY-4.0
description: Practice questions for one week of the course.
questions:
  - id: async-retries-001
    type: single
    domain: 2
    topics: [async, retries]
    lessons: [async-invocation]
    difficulty: medium
    style: recall
    stem: |
      A function that Amazon S3 invokes asynchronously throws an error for one event.
      The function uses the default settings. How many more times does Lambda try the event?
    options:
      - text: None. Lambda never retries asynchronous invocations.
        correct: false
        why: Lambda retries asynchronous invocations after a function error.
      - text: Up to two more times.
        correct: true
        why: "\`MaximumRetryAttempts\` defaults to 2."
      - text: Up to five more times.
        correct: false
        why: "\`MaximumRetryAttempts\` accepts only 0, 1 or 2."
      - text: Until the event is 6 hours old.
        correct: false
        why: That limit (\`MaximumEventAgeInSeconds\`) applies to retries after throttles and service errors, not function errors.
    explanation: Keep failed events with a dead-letter queue or an on-failure destination.
    references:
      - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html

  - id: async-destinations-001
    type: multiple
    domain: 2
    topics: [destinations]
    lessons: [async-invocation]
    difficulty: easy
    style: recall
    stem: Which of these can be an on-failure destination for asynchronous invocations? (Choose two.)
    options:
      - text: An Amazon SQS queue
        correct: true
        why: SQS queues are supported destinations.
      - text: An Amazon EventBridge event bus
        correct: true
        why: EventBridge event buses are supported destinations.
      - text: An Amazon RDS database
        correct: false
        why: Lambda cannot send invocation records to a database.
      - text: An AWS CloudTrail trail
        correct: false
        why: CloudTrail records API calls. It cannot be a destination.
      - text: An Amazon ECR repository
        correct: false
        why: ECR stores container images. It cannot be a destination.
    explanation: On-failure destinations can be SQS, SNS, Lambda, EventBridge or S3.
    references:
      - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
`;
