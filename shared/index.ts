export * from './contracts/mention.js';
export * from './contracts/tags.js';
export * from './contracts/topics.js';
export * from './contracts/queue.js';
export * from './contracts/views.js';
export * from './contracts/live.js';
export * from './contracts/api.js';
