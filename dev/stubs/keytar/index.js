'use strict';
// Offline lint never stores credentials; fail loudly if anything tries.
const unavailable = () => Promise.reject(new Error('keytar is stubbed in this project: credential storage is not available offline'));
module.exports = { getPassword: unavailable, setPassword: unavailable, deletePassword: unavailable, findCredentials: unavailable, findPassword: unavailable };
